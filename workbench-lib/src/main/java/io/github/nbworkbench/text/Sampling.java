package io.github.nbworkbench.text;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The usual ways to choose the next token, from the most predictable to the most varied:
 *
 * <pre>{@code
 * Sampling.greedy()            // always the most likely token: repetitive
 * Sampling.temperature(0.5)    // sharpened distribution: safe, readable
 * Sampling.temperature(1.0)    // the model's own distribution: varied, more mistakes
 * Sampling.topK(10, 0.8)       // only the 10 most likely tokens
 * Sampling.topP(0.9, 0.8)      // nucleus: the fewest tokens that hold 90% of the probability
 * }</pre>
 *
 * Each strategy's {@code toString()} names it, for tables that compare them. For the most likely
 * whole sequence rather than token by token, see {@link TextGenerator#beamSearch}.
 */
public final class Sampling {

    private Sampling() {
    }

    /** The most likely token every time. */
    public static SamplingStrategy greedy() {
        return new Named("greedy", (probabilities, random) -> Distribution.argMax(Distribution.checked(probabilities)));
    }

    /** A draw from the distribution raised to {@code 1 / temperature} and renormalised. */
    public static SamplingStrategy temperature(double temperature) {
        Distribution.checkTemperature(temperature);
        return new Named("temperature " + number(temperature), (probabilities, random) ->
                Distribution.draw(Distribution.withTemperature(Distribution.checked(probabilities), temperature), random));
    }

    /** A draw among the {@code k} most likely tokens, at temperature 1. */
    public static SamplingStrategy topK(int k) {
        return topK(k, 1.0);
    }

    /** A draw among the {@code k} most likely tokens, at {@code temperature}. */
    public static SamplingStrategy topK(int k, double temperature) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be 1 or more, got " + k);
        }
        Distribution.checkTemperature(temperature);
        return new Named("top-k " + k + ", temperature " + number(temperature), (probabilities, random) -> {
            double[] weights = Distribution.withTemperature(Distribution.checked(probabilities), temperature);
            int[] ranked = ranked(weights);
            for (int rank = k; rank < ranked.length; rank++) {
                weights[ranked[rank]] = 0;
            }
            return Distribution.draw(weights, random);
        });
    }

    /** Nucleus sampling at temperature 1. */
    public static SamplingStrategy topP(double p) {
        return topP(p, 1.0);
    }

    /**
     * Nucleus sampling: after applying {@code temperature}, a draw among the fewest most likely tokens
     * whose probabilities add up to at least {@code p}.
     */
    public static SamplingStrategy topP(double p, double temperature) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in (0, 1], got " + p);
        }
        Distribution.checkTemperature(temperature);
        return new Named("top-p " + number(p) + ", temperature " + number(temperature), (probabilities, random) -> {
            double[] weights = Distribution.withTemperature(Distribution.checked(probabilities), temperature);
            double total = Arrays.stream(weights).sum();
            int[] ranked = ranked(weights);
            double kept = 0;
            int rank = 0;
            while (rank < ranked.length && kept < p * total) {
                kept += weights[ranked[rank++]];
            }
            for (; rank < ranked.length; rank++) {
                weights[ranked[rank]] = 0;
            }
            return Distribution.draw(weights, random);
        });
    }

    /** 0.5 as "0.5", 1.0 as "1": as short as the number is. */
    private static String number(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /** Indices by descending weight, the lower index first among equals. */
    private static int[] ranked(double[] weights) {
        return IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -weights[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    private record Named(String name, SamplingStrategy strategy) implements SamplingStrategy {
        @Override
        public int pick(double[] probabilities, Random random) {
            return strategy.pick(probabilities, random);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
