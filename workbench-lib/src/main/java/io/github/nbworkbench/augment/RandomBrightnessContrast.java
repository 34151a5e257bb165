package io.github.nbworkbench.augment;

import java.util.random.RandomGenerator;

/**
 * Changes brightness and contrast of each image by random factors b and c:
 * {@code x' = b * (m + c * (x - m))}, with m the image's mean over all its channels and pixels,
 * clipped to [0, 1]. Made for raw images in [0, 1]: apply it before normalization.
 */
public final class RandomBrightnessContrast implements ImageAugmentation {

    private final Range brightness;
    private final Range contrast;

    /** Factors b in [1 - brightness, 1 + brightness] and c in [1 - contrast, 1 + contrast]. */
    public RandomBrightnessContrast(double brightness, double contrast) {
        this(Range.aroundOne(brightness), Range.aroundOne(contrast));
    }

    public RandomBrightnessContrast(Range brightnessFactor, Range contrastFactor) {
        if (brightnessFactor == null || contrastFactor == null) {
            throw new IllegalArgumentException("brightness and contrast ranges must not be null");
        }
        if (brightnessFactor.min() < 0 || contrastFactor.min() < 0) {
            throw new IllegalArgumentException("brightness and contrast factors must be >= 0, got "
                    + brightnessFactor + " and " + contrastFactor);
        }
        this.brightness = brightnessFactor;
        this.contrast = contrastFactor;
    }

    @Override
    public ImageBatch apply(ImageBatch images, RandomGenerator random) {
        float[] data = images.data();
        int size = images.imageSize();
        for (int image = 0; image < images.count(); image++) {
            double b = brightness.sample(random);
            double c = contrast.sample(random);
            int start = image * size;
            double sum = 0;
            for (int i = start; i < start + size; i++) {
                sum += data[i];
            }
            float mean = (float) (sum / size);
            // b * (m + c * (x - m)) = scale * x + offset
            float scale = (float) (b * c);
            float offset = (float) (b * (1 - c)) * mean;
            for (int i = start; i < start + size; i++) {
                data[i] = Math.min(1f, Math.max(0f, scale * data[i] + offset));
            }
        }
        return images;
    }

    @Override
    public String toString() {
        return "RandomBrightnessContrast(brightness " + brightness + ", contrast " + contrast + ")";
    }
}
