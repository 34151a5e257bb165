package io.github.nbworkbench.augment;

import java.util.random.RandomGenerator;

/**
 * Adds independent Gaussian noise of mean 0 and a given standard deviation to every value,
 * optionally clipping the result to [0, 1].
 */
public final class GaussianNoise implements ImageAugmentation {

    private final double std;
    private final boolean clipToUnitRange;

    /** Noise of standard deviation {@code std}, results clipped to [0, 1] (for raw images in [0, 1]). */
    public GaussianNoise(double std) {
        this(std, true);
    }

    public GaussianNoise(double std, boolean clipToUnitRange) {
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("noise standard deviation must be finite and >= 0, got " + std);
        }
        this.std = std;
        this.clipToUnitRange = clipToUnitRange;
    }

    @Override
    public ImageBatch apply(ImageBatch images, RandomGenerator random) {
        float[] data = images.data();
        for (int i = 0; i < data.length; i++) {
            float noisy = (float) (data[i] + std * random.nextGaussian());
            data[i] = clipToUnitRange ? Math.min(1f, Math.max(0f, noisy)) : noisy;
        }
        return images;
    }

    @Override
    public String toString() {
        return "GaussianNoise(std=" + std + (clipToUnitRange ? ", clipped to [0, 1])" : ")");
    }
}
