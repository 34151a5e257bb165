package io.github.nbworkbench.tune;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A density on [low, high] made of one normal per observation plus a wide prior one, each cut off
 * at the bounds: the estimator of TPE for a numeric parameter (Hyperopt's bandwidth rule: the
 * larger gap to an observation's neighbours, kept between a hundredth of the range and the range).
 */
final class ParzenEstimator {

    private static final int MAX_TRIES = 100;

    private final double low;
    private final double high;
    private final double[] means;
    private final double[] widths;
    private final double[] inRange;

    ParzenEstimator(double[] observations, double low, double high) {
        this.low = low;
        this.high = high;
        double span = high - low;
        double[] sorted = observations.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        means = new double[n + 1];
        widths = new double[n + 1];
        double narrowest = span / Math.min(100.0, n + 1.0);
        for (int i = 0; i < n; i++) {
            double left = sorted[i] - (i == 0 ? low : sorted[i - 1]);
            double right = (i == n - 1 ? high : sorted[i + 1]) - sorted[i];
            means[i] = sorted[i];
            widths[i] = Math.min(span, Math.max(narrowest, Math.max(left, right)));
        }
        means[n] = (low + high) / 2;
        widths[n] = span;
        inRange = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            NormalDistribution normal = normal(i);
            inRange[i] = normal.cumulativeProbability(high) - normal.cumulativeProbability(low);
        }
    }

    /** A value drawn from the density: a component chosen with equal weight, then a normal draw inside the bounds. */
    double sample(Random random) {
        int component = random.nextInt(means.length);
        for (int tries = 0; tries < MAX_TRIES; tries++) {
            double value = means[component] + widths[component] * random.nextGaussian();
            if (value >= low && value <= high) {
                return value;
            }
        }
        return Math.max(low, Math.min(high, means[component]));
    }

    double logDensity(double value) {
        double density = 0;
        for (int i = 0; i < means.length; i++) {
            density += normal(i).density(value) / inRange[i];
        }
        return Math.log(density / means.length);
    }

    private NormalDistribution normal(int component) {
        return new NormalDistribution(null, means[component], widths[component]);
    }
}
