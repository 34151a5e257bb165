package io.github.nbworkbench.augment;

import java.util.random.RandomGenerator;

/**
 * A random affine warp per image about its centre: rotation, scale (zoom), shear and translation,
 * each drawn uniformly from its range. Positive angles turn the picture counter-clockwise as it is
 * shown (y pointing down); scale above 1 zooms in. Each output pixel is sampled from the source
 * through the inverse map, with nearest or bilinear interpolation.
 *
 * <pre>{@code
 * RandomAffine warp = RandomAffine.builder().rotation(10).scale(0.9, 1.1).shear(5).translate(0.1).build();
 * }</pre>
 */
public final class RandomAffine implements ImageAugmentation {

    private final Range rotationDegrees;
    private final Range scale;
    private final Range shearDegrees;
    private final Range translateX;
    private final Range translateY;
    private final Interpolation interpolation;
    private final EdgeMode edges;

    private RandomAffine(Builder builder) {
        this.rotationDegrees = builder.rotationDegrees;
        this.scale = builder.scale;
        this.shearDegrees = builder.shearDegrees;
        this.translateX = builder.translateX;
        this.translateY = builder.translateY;
        this.interpolation = builder.interpolation;
        this.edges = builder.edges;
    }

    /** A builder whose defaults change nothing: no rotation, scale 1, no shear, no shift; bilinear, zero edges. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ImageBatch apply(ImageBatch images, RandomGenerator random) {
        ImageBatch warped = images.zerosLike();
        AffineWarp warp = new AffineWarp(interpolation, edges);
        for (int image = 0; image < images.count(); image++) {
            double angle = rotationDegrees.sample(random);
            double zoom = scale.sample(random);
            double shear = shearDegrees.sample(random);
            double shiftX = translateX.sample(random) * images.width();
            double shiftY = translateY.sample(random) * images.height();
            warp.warp(images, warped, image,
                    inverseMap(angle, zoom, shear, shiftX, shiftY, images.width(), images.height()));
        }
        return warped;
    }

    /**
     * The map from output to source pixel coordinates, {a, b, c, d, e, f} with source x = a x + b y + c
     * and source y = d x + e y + f, for the forward map p' = s R(angle) Shear(shear) (p - centre) + centre + shift.
     */
    static double[] inverseMap(double angleDegrees, double scale, double shearDegrees,
                               double shiftX, double shiftY, int width, int height) {
        double cos = Math.cos(Math.toRadians(angleDegrees));
        double sin = Math.sin(Math.toRadians(angleDegrees));
        double shear = Math.tan(Math.toRadians(shearDegrees));
        // forward M = scale * [[cos, sin], [-sin, cos]] * [[1, shear], [0, 1]]
        double m00 = scale * cos;
        double m01 = scale * (cos * shear + sin);
        double m10 = scale * -sin;
        double m11 = scale * (-sin * shear + cos);
        double determinant = m00 * m11 - m01 * m10;
        if (Math.abs(determinant) < 1e-12) {
            throw new IllegalArgumentException("the affine map (rotation " + angleDegrees + ", scale " + scale
                    + ", shear " + shearDegrees + ") squashes the image flat and cannot be inverted");
        }
        double n00 = m11 / determinant;
        double n01 = -m01 / determinant;
        double n10 = -m10 / determinant;
        double n11 = m00 / determinant;
        double centreX = (width - 1) / 2.0;
        double centreY = (height - 1) / 2.0;
        double fromX = centreX + shiftX;
        double fromY = centreY + shiftY;
        return new double[] {
            n00, n01, centreX - n00 * fromX - n01 * fromY,
            n10, n11, centreY - n10 * fromX - n11 * fromY
        };
    }

    @Override
    public String toString() {
        return "RandomAffine(rotation " + rotationDegrees + ", scale " + scale + ", shear " + shearDegrees
                + ", translate x " + translateX + " y " + translateY + ", " + interpolation + ", edges " + edges + ")";
    }

    /** Builds a {@link RandomAffine}; translations are fractions of the image's width and height. */
    public static final class Builder {

        private Range rotationDegrees = Range.fixed(0);
        private Range scale = Range.fixed(1);
        private Range shearDegrees = Range.fixed(0);
        private Range translateX = Range.fixed(0);
        private Range translateY = Range.fixed(0);
        private Interpolation interpolation = Interpolation.BILINEAR;
        private EdgeMode edges = EdgeMode.ZERO;

        private Builder() {
        }

        /** Rotation by an angle in [-maxDegrees, maxDegrees]. */
        public Builder rotation(double maxDegrees) {
            return rotation(Range.symmetric(maxDegrees));
        }

        public Builder rotation(Range degrees) {
            this.rotationDegrees = notNull(degrees, "rotation");
            return this;
        }

        /** Scale factor in [min, max]; above 1 zooms in. */
        public Builder scale(double min, double max) {
            return scale(new Range(min, max));
        }

        public Builder scale(Range factor) {
            if (notNull(factor, "scale").min() <= 0) {
                throw new IllegalArgumentException("scale factors must be > 0, got " + factor);
            }
            this.scale = factor;
            return this;
        }

        /** Shear along x by an angle in [-maxDegrees, maxDegrees]. */
        public Builder shear(double maxDegrees) {
            return shear(Range.symmetric(maxDegrees));
        }

        public Builder shear(Range degrees) {
            if (Math.max(Math.abs(notNull(degrees, "shear").min()), Math.abs(degrees.max())) >= 90) {
                throw new IllegalArgumentException("shear angles must lie within (-90, 90) degrees, got " + degrees);
            }
            this.shearDegrees = degrees;
            return this;
        }

        /** Shift by up to {@code maxFraction} of the width in x and of the height in y. */
        public Builder translate(double maxFraction) {
            return translate(maxFraction, maxFraction);
        }

        public Builder translate(double maxFractionX, double maxFractionY) {
            this.translateX = Range.symmetric(maxFractionX);
            this.translateY = Range.symmetric(maxFractionY);
            return this;
        }

        public Builder interpolation(Interpolation interpolation) {
            this.interpolation = notNull(interpolation, "interpolation");
            return this;
        }

        public Builder edges(EdgeMode edges) {
            this.edges = notNull(edges, "edge mode");
            return this;
        }

        public RandomAffine build() {
            return new RandomAffine(this);
        }

        private static <T> T notNull(T value, String what) {
            if (value == null) {
                throw new IllegalArgumentException(what + " must not be null");
            }
            return value;
        }
    }
}
