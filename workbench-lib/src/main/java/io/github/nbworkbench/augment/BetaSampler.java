package io.github.nbworkbench.augment;

import java.util.random.RandomGenerator;

/**
 * Draws from the symmetric Beta(alpha, alpha) distribution as X / (X + Y) with X, Y ~ Gamma(alpha),
 * by Marsaglia and Tsang's method. Works in logarithms: for the small alphas MixUp uses (0.1 to
 * 0.4) both Gamma draws often underflow to 0 as plain doubles.
 */
final class BetaSampler {

    private BetaSampler() {
    }

    static double symmetric(double alpha, RandomGenerator random) {
        double logX = logGamma(alpha, random);
        double logY = logGamma(alpha, random);
        return 1 / (1 + Math.exp(logY - logX));
    }

    /** The logarithm of a Gamma(shape, 1) draw. */
    private static double logGamma(double shape, RandomGenerator random) {
        if (shape < 1) {
            // Gamma(a) = Gamma(a + 1) * U^(1/a)
            return logGamma(shape + 1, random) + Math.log(1 - random.nextDouble()) / shape;
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1 - random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return Math.log(d * v);
            }
        }
    }
}
