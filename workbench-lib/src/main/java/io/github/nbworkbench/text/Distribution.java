package io.github.nbworkbench.text;

import java.util.Random;

/** Safe arithmetic on predicted distributions: checks, temperature in log space, drawing with rounding slack. */
final class Distribution {

    private Distribution() {
    }

    /**
     * A copy of {@code probabilities} that is safe to sample from: negative weights (rounding in a
     * softmax) become 0.
     *
     * @throws IllegalStateException for NaN or infinite weights, or when all are 0
     */
    static double[] checked(double[] probabilities) {
        double[] weights = new double[probabilities.length];
        double total = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double p = probabilities[i];
            if (Double.isNaN(p) || Double.isInfinite(p)) {
                throw new IllegalStateException("The model predicted " + p + " for token " + i + "; its weights have diverged. "
                        + "Train again with a lower learning rate or gradient clipping (the char-LSTM builder clips by default).");
            }
            weights[i] = Math.max(0, p);
            total += weights[i];
        }
        if (!(total > 0)) {
            throw new IllegalStateException("The model gave every token probability 0; nothing can be sampled");
        }
        return weights;
    }

    /**
     * Weights sharpened ({@code temperature < 1}) or flattened ({@code > 1}): {@code p^(1/T)}, computed as
     * {@code exp((log p - log max) / T)} so that small temperatures neither overflow nor underflow to all zeros.
     */
    static double[] withTemperature(double[] weights, double temperature) {
        double max = 0;
        for (double w : weights) {
            max = Math.max(max, w);
        }
        double logMax = Math.log(max);
        double[] scaled = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            scaled[i] = weights[i] > 0 ? Math.exp((Math.log(weights[i]) - logMax) / temperature) : 0;
        }
        return scaled;
    }

    /** The index of the largest weight; the lowest index among equals. */
    static int argMax(double[] weights) {
        int best = 0;
        for (int i = 1; i < weights.length; i++) {
            if (weights[i] > weights[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * An index drawn with probability proportional to its weight. Rounding can leave the running sum
     * short of the drawn point; the last index with a positive weight takes that slack.
     */
    static int draw(double[] weights, Random random) {
        double total = 0;
        int lastPositive = -1;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            if (weights[i] > 0) {
                lastPositive = i;
            }
        }
        double point = random.nextDouble() * total;
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                cumulative += weights[i];
                if (point < cumulative) {
                    return i;
                }
            }
        }
        return lastPositive;
    }

    static void checkTemperature(double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("The temperature must be a positive number, got " + temperature
                    + "; for temperature 0 (always the most likely token) use Sampling.greedy()");
        }
    }
}
