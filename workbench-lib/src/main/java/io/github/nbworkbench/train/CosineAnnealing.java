package io.github.nbworkbench.train;

/**
 * Half a cosine from {@code maxLr} at the first step down to {@code minLr} at the last step of the
 * run (SGDR without restarts), per batch or per epoch.
 */
public final class CosineAnnealing extends LearningRateSchedule {

    private final double maxLr;
    private final double minLr;

    private CosineAnnealing(boolean perBatch, double maxLr, double minLr) {
        super(perBatch);
        requirePositive("maxLr", maxLr);
        if (!(minLr >= 0 && minLr <= maxLr)) {
            throw new IllegalArgumentException("minLr must be between 0 and maxLr (" + maxLr + "), got " + minLr);
        }
        this.maxLr = maxLr;
        this.minLr = minLr;
    }

    /** Changes the rate before every batch. */
    public static CosineAnnealing perBatch(double maxLr, double minLr) {
        return new CosineAnnealing(true, maxLr, minLr);
    }

    /** Changes the rate at the start of every epoch. */
    public static CosineAnnealing perEpoch(double maxLr, double minLr) {
        return new CosineAnnealing(false, maxLr, minLr);
    }

    @Override
    public double rateAt(long step, long totalSteps) {
        if (totalSteps <= 1) {
            return maxLr;
        }
        return cosineBetween(maxLr, minLr, (double) step / (totalSteps - 1));
    }
}
