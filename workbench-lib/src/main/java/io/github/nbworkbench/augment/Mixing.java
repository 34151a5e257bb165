package io.github.nbworkbench.augment;

import java.util.random.RandomGenerator;

/** What MixUp and CutMix share: checking alpha, drawing partners, mixing label rows. */
final class Mixing {

    private Mixing() {
    }

    static double requireAlpha(double alpha, String what) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException(what + " alpha must be finite and > 0, got " + alpha);
        }
        return alpha;
    }

    /** A random permutation of 0..n-1 (Fisher-Yates): example i is mixed with example partners[i]. */
    static int[] partners(int n, RandomGenerator random) {
        int[] partners = new int[n];
        for (int i = 0; i < n; i++) {
            partners[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = partners[i];
            partners[i] = partners[j];
            partners[j] = swap;
        }
        return partners;
    }

    /** New label rows: (1 - share) times each row plus share times its partner's row. */
    static float[] mixLabels(LabeledBatch batch, int[] partners, float partnerShare) {
        float[] labels = batch.labels();
        int classes = batch.classes();
        float[] mixed = new float[labels.length];
        float ownShare = 1 - partnerShare;
        for (int example = 0; example < partners.length; example++) {
            int own = example * classes;
            int partner = partners[example] * classes;
            for (int k = 0; k < classes; k++) {
                mixed[own + k] = ownShare * labels[own + k] + partnerShare * labels[partner + k];
            }
        }
        return mixed;
    }
}
