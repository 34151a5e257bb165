package io.github.nbworkbench.augment;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Cutout / random erasing: with probability p per image, sets one or more rectangles to zero or to
 * the channel mean, in all channels. Each rectangle's height and width are drawn independently
 * from [minSide, maxSide] pixels (capped at the image size) and it lies wholly inside the image.
 */
public final class RandomErasing implements ImageAugmentation {

    private final double probability;
    private final int rectangles;
    private final int minSide;
    private final int maxSide;
    private final ErasingFill fill;

    public RandomErasing(double probability, int rectangles, int minSide, int maxSide, ErasingFill fill) {
        this.probability = Probability.require(probability, "erasing probability");
        if (rectangles < 1) {
            throw new IllegalArgumentException("erase at least one rectangle, got " + rectangles);
        }
        if (minSide < 1 || maxSide < minSide) {
            throw new IllegalArgumentException("rectangle sides need 1 <= minSide <= maxSide, got " + minSide + " and " + maxSide);
        }
        if (fill == null) {
            throw new IllegalArgumentException("fill must not be null");
        }
        this.rectangles = rectangles;
        this.minSide = minSide;
        this.maxSide = maxSide;
        this.fill = fill;
    }

    /** Cutout: one zero square of {@code side} x {@code side} pixels in every image. */
    public static RandomErasing cutout(int side) {
        return new RandomErasing(1, 1, side, side, ErasingFill.ZERO);
    }

    @Override
    public ImageBatch apply(ImageBatch images, RandomGenerator random) {
        float[] values = new float[images.channels()];
        for (int image = 0; image < images.count(); image++) {
            if (random.nextDouble() >= probability) {
                continue;
            }
            fillValues(images, image, values);
            for (int rectangle = 0; rectangle < rectangles; rectangle++) {
                int height = Math.min(images.height(), minSide + random.nextInt(maxSide - minSide + 1));
                int width = Math.min(images.width(), minSide + random.nextInt(maxSide - minSide + 1));
                int top = random.nextInt(images.height() - height + 1);
                int left = random.nextInt(images.width() - width + 1);
                erase(images, image, top, left, height, width, values);
            }
        }
        return images;
    }

    private void fillValues(ImageBatch images, int image, float[] values) {
        float[] data = images.data();
        for (int channel = 0; channel < values.length; channel++) {
            if (fill == ErasingFill.ZERO) {
                values[channel] = 0;
                continue;
            }
            int start = image * images.imageSize() + channel * images.planeSize();
            double sum = 0;
            for (int i = start; i < start + images.planeSize(); i++) {
                sum += data[i];
            }
            values[channel] = (float) (sum / images.planeSize());
        }
    }

    private static void erase(ImageBatch images, int image, int top, int left, int height, int width, float[] values) {
        float[] data = images.data();
        for (int channel = 0; channel < values.length; channel++) {
            int planeStart = image * images.imageSize() + channel * images.planeSize();
            for (int y = top; y < top + height; y++) {
                int rowStart = planeStart + y * images.width() + left;
                Arrays.fill(data, rowStart, rowStart + width, values[channel]);
            }
        }
    }

    @Override
    public String toString() {
        return "RandomErasing(p=" + probability + ", " + rectangles + " x [" + minSide + ".." + maxSide + "] px, " + fill + ")";
    }
}
