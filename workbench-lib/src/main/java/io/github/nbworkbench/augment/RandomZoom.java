package io.github.nbworkbench.augment;

import java.util.random.RandomGenerator;

/** Scales each image about its centre by a random factor: above 1 zooms in, below 1 zooms out. */
public final class RandomZoom implements ImageAugmentation {

    private final RandomAffine warp;

    /** Factors in [minScale, maxScale], bilinear interpolation, zeros outside the image. */
    public RandomZoom(double minScale, double maxScale) {
        this(new Range(minScale, maxScale), Interpolation.BILINEAR, EdgeMode.ZERO);
    }

    public RandomZoom(Range scale, Interpolation interpolation, EdgeMode edges) {
        this.warp = RandomAffine.builder().scale(scale).interpolation(interpolation).edges(edges).build();
    }

    @Override
    public ImageBatch apply(ImageBatch images, RandomGenerator random) {
        return warp.apply(images, random);
    }

    @Override
    public String toString() {
        return "RandomZoom(" + warp + ")";
    }
}
