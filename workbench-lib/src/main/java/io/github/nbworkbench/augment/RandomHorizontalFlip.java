package io.github.nbworkbench.augment;

import java.util.random.RandomGenerator;

/** Mirrors each image left to right with probability p (columns reversed, all channels alike). */
public final class RandomHorizontalFlip implements ImageAugmentation {

    private final double probability;

    public RandomHorizontalFlip(double probability) {
        this.probability = Probability.require(probability, "flip probability");
    }

    @Override
    public ImageBatch apply(ImageBatch images, RandomGenerator random) {
        float[] data = images.data();
        int width = images.width();
        int rowsPerImage = images.channels() * images.height();
        for (int image = 0; image < images.count(); image++) {
            if (random.nextDouble() >= probability) {
                continue;
            }
            int imageStart = image * images.imageSize();
            for (int row = 0; row < rowsPerImage; row++) {
                int left = imageStart + row * width;
                for (int right = left + width - 1; left < right; left++, right--) {
                    float swap = data[left];
                    data[left] = data[right];
                    data[right] = swap;
                }
            }
        }
        return images;
    }

    @Override
    public String toString() {
        return "RandomHorizontalFlip(p=" + probability + ")";
    }
}
