package io.github.nbworkbench.augment;

import java.util.random.RandomGenerator;

/** Rotates each image about its centre by a random angle; positive angles turn it counter-clockwise. */
public final class RandomRotation implements ImageAugmentation {

    private final RandomAffine warp;

    /** Angles in [-maxDegrees, maxDegrees], bilinear interpolation, zeros outside the image. */
    public RandomRotation(double maxDegrees) {
        this(Range.symmetric(maxDegrees), Interpolation.BILINEAR, EdgeMode.ZERO);
    }

    public RandomRotation(Range degrees, Interpolation interpolation, EdgeMode edges) {
        this.warp = RandomAffine.builder().rotation(degrees).interpolation(interpolation).edges(edges).build();
    }

    @Override
    public ImageBatch apply(ImageBatch images, RandomGenerator random) {
        return warp.apply(images, random);
    }

    @Override
    public String toString() {
        return "RandomRotation(" + warp + ")";
    }
}
