package io.github.nbworkbench.data;

import java.util.Arrays;
import java.util.Random;

/**
 * Index arithmetic behind splits and limits, on plain {@code int[]}s so that any code can reuse it.
 * "Stratified" means every class keeps its share: a 20% split of a set with 1,000 sevens puts 200
 * sevens on the second side.
 */
public final class IndexSplits {

    private IndexSplits() {
    }

    /**
     * Splits {@code 0..n-1} at random: {@code round(n * secondFraction)} indices go to the second part.
     */
    public static IndexSplit random(int n, double secondFraction, long seed) {
        checkFraction(secondFraction);
        int[] order = Shuffling.permutation(n, seed);
        int second = (int) Math.round(n * secondFraction);
        return new IndexSplit(Arrays.copyOfRange(order, second, n), Arrays.copyOfRange(order, 0, second));
    }

    /**
     * Splits the examples whose classes are {@code classes} (one entry per example, 0-based) so that each
     * class contributes its share to the second part, which holds {@code round(n * secondFraction)}
     * indices in all.
     */
    public static IndexSplit stratified(int[] classes, double secondFraction, long seed) {
        checkFraction(secondFraction);
        int[][] byClass = indicesByClass(classes);
        int[] quotas = proportionalQuotas(counts(byClass), (int) Math.round(classes.length * secondFraction));
        Random random = new Random(seed);
        int[] first = new int[classes.length - Arrays.stream(quotas).sum()];
        int[] second = new int[classes.length - first.length];
        int f = 0;
        int s = 0;
        for (int c = 0; c < byClass.length; c++) {
            int[] members = byClass[c].clone();
            Shuffling.shuffle(members, random);
            for (int i = 0; i < members.length; i++) {
                if (i < quotas[c]) {
                    second[s++] = members[i];
                } else {
                    first[f++] = members[i];
                }
            }
        }
        Shuffling.shuffle(first, random);
        Shuffling.shuffle(second, random);
        return new IndexSplit(first, second);
    }

    /**
     * The first {@code n} examples in their order, taken so that each class keeps its share of the
     * whole: the first examples of each class, up to its quota.
     */
    public static int[] stratifiedFirst(int[] classes, int n) {
        if (n < 0 || n > classes.length) {
            throw new IllegalArgumentException("cannot take " + n + " of " + classes.length + " examples");
        }
        int[] quotas = proportionalQuotas(counts(indicesByClass(classes)), n);
        int[] taken = new int[n];
        int t = 0;
        for (int i = 0; i < classes.length && t < n; i++) {
            if (quotas[classes[i]] > 0) {
                quotas[classes[i]]--;
                taken[t++] = i;
            }
        }
        return taken;
    }

    /**
     * Divides {@code total} among classes in proportion to {@code counts}, by the largest-remainder
     * method, so the quotas sum to exactly {@code total} (ties go to the lower class index).
     */
    public static int[] proportionalQuotas(int[] counts, int total) {
        long all = Arrays.stream(counts).asLongStream().sum();
        int[] quotas = new int[counts.length];
        if (total == 0) {
            return quotas;
        }
        long[] remainders = new long[counts.length];
        int given = 0;
        for (int c = 0; c < counts.length; c++) {
            long share = (long) counts[c] * total;
            quotas[c] = (int) (share / all);
            remainders[c] = share % all;
            given += quotas[c];
        }
        while (given < total) {
            int best = 0;
            for (int c = 1; c < counts.length; c++) {
                if (remainders[c] > remainders[best]) {
                    best = c;
                }
            }
            quotas[best]++;
            remainders[best] = -1;
            given++;
        }
        return quotas;
    }

    private static int[][] indicesByClass(int[] classes) {
        int numClasses = Arrays.stream(classes).max().orElse(-1) + 1;
        int[] counts = new int[numClasses];
        for (int c : classes) {
            if (c < 0) {
                throw new IllegalArgumentException("class indices must be 0 or more, found " + c);
            }
            counts[c]++;
        }
        int[][] byClass = new int[numClasses][];
        for (int c = 0; c < numClasses; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] filled = new int[numClasses];
        for (int i = 0; i < classes.length; i++) {
            byClass[classes[i]][filled[classes[i]]++] = i;
        }
        return byClass;
    }

    private static int[] counts(int[][] byClass) {
        return Arrays.stream(byClass).mapToInt(members -> members.length).toArray();
    }

    private static void checkFraction(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the fraction must lie strictly between 0 and 1, got " + fraction);
        }
    }
}
