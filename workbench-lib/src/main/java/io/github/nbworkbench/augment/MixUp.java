package io.github.nbworkbench.augment;

import java.util.random.RandomGenerator;

/**
 * MixUp (Zhang et al., 2018): with probability p per batch, draws lambda ~ Beta(alpha, alpha) and
 * replaces every example by lambda times itself plus (1 - lambda) times a partner, images and label
 * rows alike. Partners come from a random permutation of the batch. Train on the soft labels with a
 * loss that takes them, such as MCXENT (softmax cross-entropy).
 */
public final class MixUp implements LabeledAugmentation {

    private final double alpha;
    private final double probability;

    /** Mixes every batch. Alpha 0.2 to 0.4 is usual for image classification. */
    public MixUp(double alpha) {
        this(alpha, 1);
    }

    public MixUp(double alpha, double probability) {
        this.alpha = Mixing.requireAlpha(alpha, "MixUp");
        this.probability = Probability.require(probability, "MixUp probability");
    }

    @Override
    public LabeledBatch apply(LabeledBatch batch, RandomGenerator random) {
        if (random.nextDouble() >= probability) {
            return batch;
        }
        float lambda = (float) BetaSampler.symmetric(alpha, random);
        int[] partners = Mixing.partners(batch.count(), random);
        ImageBatch images = batch.images();
        float[] in = images.data();
        ImageBatch mixed = images.zerosLike();
        float[] out = mixed.data();
        float partnerShare = 1 - lambda;
        int size = images.imageSize();
        for (int example = 0; example < partners.length; example++) {
            int own = example * size;
            int partner = partners[example] * size;
            for (int i = 0; i < size; i++) {
                out[own + i] = lambda * in[own + i] + partnerShare * in[partner + i];
            }
        }
        return LabeledBatch.wrap(mixed, Mixing.mixLabels(batch, partners, partnerShare), batch.classes());
    }

    @Override
    public String toString() {
        return "MixUp(alpha=" + alpha + ", p=" + probability + ")";
    }
}
