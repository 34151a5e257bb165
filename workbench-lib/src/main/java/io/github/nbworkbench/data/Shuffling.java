package io.github.nbworkbench.data;

import java.util.Random;

/** Seeded shuffling: the same seed gives the same order on every machine and every run. */
public final class Shuffling {

    private Shuffling() {
    }

    /** A random permutation of {@code 0..n-1}, determined by {@code seed}. */
    public static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, new Random(seed));
        return order;
    }

    /** Shuffles {@code values} in place (Fisher-Yates). */
    public static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /** The seed of epoch {@code epoch} in a run seeded with {@code seed}: distinct epochs get unrelated orders. */
    public static long epochSeed(long seed, int epoch) {
        return seed + 0x9E3779B97F4A7C15L * (epoch + 1L);
    }
}
