package io.github.nbworkbench.augment;

import java.util.random.RandomGenerator;

/** Mirrors each image top to bottom with probability p (rows reversed, all channels alike). */
public final class RandomVerticalFlip implements ImageAugmentation {

    private final double probability;

    public RandomVerticalFlip(double probability) {
        this.probability = Probability.require(probability, "flip probability");
    }

    @Override
    public ImageBatch apply(ImageBatch images, RandomGenerator random) {
        float[] data = images.data();
        int width = images.width();
        float[] row = new float[width];
        for (int image = 0; image < images.count(); image++) {
            if (random.nextDouble() >= probability) {
                continue;
            }
            for (int channel = 0; channel < images.channels(); channel++) {
                int planeStart = image * images.imageSize() + channel * images.planeSize();
                for (int top = 0, bottom = images.height() - 1; top < bottom; top++, bottom--) {
                    int topStart = planeStart + top * width;
                    int bottomStart = planeStart + bottom * width;
                    System.arraycopy(data, topStart, row, 0, width);
                    System.arraycopy(data, bottomStart, data, topStart, width);
                    System.arraycopy(row, 0, data, bottomStart, width);
                }
            }
        }
        return images;
    }

    @Override
    public String toString() {
        return "RandomVerticalFlip(p=" + probability + ")";
    }
}
