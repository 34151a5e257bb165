package io.github.nbworkbench.augment;

import java.util.random.RandomGenerator;

/**
 * CutMix (Yun et al., 2019): with probability p per batch, draws lambda ~ Beta(alpha, alpha) and a
 * box of about (1 - lambda) of the image's area, centred at a random pixel and clipped to the image;
 * every example gets that box pasted in from its partner (a random permutation of the batch), in all
 * channels. Label rows are mixed by the exact share of pixels pasted: (1 - s) own + s partner with
 * s = box area / (H * W).
 */
public final class CutMix implements LabeledAugmentation {

    private final double alpha;
    private final double probability;

    /** Mixes every batch. Alpha 1 (a uniform lambda) is the paper's choice. */
    public CutMix(double alpha) {
        this(alpha, 1);
    }

    public CutMix(double alpha, double probability) {
        this.alpha = Mixing.requireAlpha(alpha, "CutMix");
        this.probability = Probability.require(probability, "CutMix probability");
    }

    @Override
    public LabeledBatch apply(LabeledBatch batch, RandomGenerator random) {
        if (random.nextDouble() >= probability) {
            return batch;
        }
        double lambda = BetaSampler.symmetric(alpha, random);
        ImageBatch images = batch.images();
        int width = images.width();
        int height = images.height();
        double side = Math.sqrt(1 - lambda);
        int halfWidth = (int) (width * side) / 2;
        int halfHeight = (int) (height * side) / 2;
        int centreX = random.nextInt(width);
        int centreY = random.nextInt(height);
        int left = Math.max(0, centreX - halfWidth);
        int right = Math.min(width, centreX + halfWidth);
        int top = Math.max(0, centreY - halfHeight);
        int bottom = Math.min(height, centreY + halfHeight);
        int[] partners = Mixing.partners(batch.count(), random);
        ImageBatch pasted = paste(images, partners, left, right, top, bottom);
        float share = (float) ((double) (right - left) * (bottom - top) / ((double) width * height));
        return LabeledBatch.wrap(pasted, Mixing.mixLabels(batch, partners, share), batch.classes());
    }

    /** A copy of the images with the box [left, right) x [top, bottom) of each taken from its partner. */
    private static ImageBatch paste(ImageBatch images, int[] partners, int left, int right, int top, int bottom) {
        float[] in = images.data();
        float[] out = in.clone();
        int width = images.width();
        for (int example = 0; example < partners.length; example++) {
            for (int channel = 0; channel < images.channels(); channel++) {
                int own = example * images.imageSize() + channel * images.planeSize();
                int partner = partners[example] * images.imageSize() + channel * images.planeSize();
                for (int y = top; y < bottom; y++) {
                    System.arraycopy(in, partner + y * width + left, out, own + y * width + left, right - left);
                }
            }
        }
        return ImageBatch.wrap(out, images.count(), images.channels(), images.height(), width);
    }

    @Override
    public String toString() {
        return "CutMix(alpha=" + alpha + ", p=" + probability + ")";
    }
}
