package io.github.nbworkbench.imbalance;

import io.github.nbworkbench.data.Shuffling;
import java.util.Arrays;
import java.util.Random;

/** How {@link BalancedBatches} makes each epoch balanced: every class ends up with the same number of examples. */
public enum Resampling {

    /**
     * Every class is brought up to the largest class's count: all of its examples, plus examples
     * drawn from it at random with replacement for the rest (as imbalanced-learn's
     * {@code RandomOverSampler}). Epochs get longer; rare examples are seen several times per epoch.
     */
    OVERSAMPLE {
        @Override
        int perClass(int[] counts) {
            return Arrays.stream(counts).max().orElseThrow();
        }

        @Override
        int[] draw(int[] examples, int n, Random random) {
            int[] drawn = Arrays.copyOf(examples, n);
            for (int i = examples.length; i < n; i++) {
                drawn[i] = examples[random.nextInt(examples.length)];
            }
            return drawn;
        }
    },

    /**
     * Every class is cut down to the smallest class's count: a fresh random subset of its examples,
     * without replacement, each epoch (as imbalanced-learn's {@code RandomUnderSampler}, drawn anew).
     * Epochs get shorter; over several epochs most examples of the large classes are still seen.
     */
    UNDERSAMPLE {
        @Override
        int perClass(int[] counts) {
            return Arrays.stream(counts).min().orElseThrow();
        }

        @Override
        int[] draw(int[] examples, int n, Random random) {
            int[] shuffled = examples.clone();
            Shuffling.shuffle(shuffled, random);
            return Arrays.copyOf(shuffled, n);
        }
    };

    /** The number of examples every class has in an epoch. */
    abstract int perClass(int[] counts);

    /** {@code n} examples of one class, from {@code examples} (its example indices). */
    abstract int[] draw(int[] examples, int n, Random random);

    /** One epoch's example indices, {@code perClass} of each class, in random order. */
    int[] epoch(int[][] examplesByClass, Random random) {
        int n = perClass(Arrays.stream(examplesByClass).mapToInt(examples -> examples.length).toArray());
        int[] epoch = new int[n * examplesByClass.length];
        for (int c = 0; c < examplesByClass.length; c++) {
            System.arraycopy(draw(examplesByClass[c], n, random), 0, epoch, c * n, n);
        }
        Shuffling.shuffle(epoch, random);
        return epoch;
    }
}
