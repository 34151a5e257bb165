package io.github.nbworkbench.augment;

import java.util.random.RandomGenerator;

/** A closed interval [min, max] that augmentations draw their per-image parameters from, uniformly. */
public record Range(double min, double max) {

    public Range {
        if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("a range needs finite min <= max, got [" + min + ", " + max + "]");
        }
    }

    /** [-extent, extent]. */
    public static Range symmetric(double extent) {
        return new Range(-Math.abs(extent), Math.abs(extent));
    }

    /** [1 - extent, 1 + extent], for multiplicative factors. */
    public static Range aroundOne(double extent) {
        return new Range(1 - Math.abs(extent), 1 + Math.abs(extent));
    }

    /** Always {@code value}. */
    public static Range fixed(double value) {
        return new Range(value, value);
    }

    /** Draws one value; always consumes exactly one number from {@code random}, even for a fixed range. */
    public double sample(RandomGenerator random) {
        return min + (max - min) * random.nextDouble();
    }
}
