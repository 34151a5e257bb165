package io.github.nbworkbench.train;

/**
 * Leslie Smith's one-cycle policy as fastai and PyTorch run it, per batch: the rate climbs along a
 * cosine from {@code maxLr / divFactor} to {@code maxLr} over the first {@code pctStart} of the
 * run, then falls along a cosine to {@code maxLr / (divFactor * finalDivFactor)} at the last batch.
 * Defaults: pctStart 0.25, divFactor 25, finalDivFactor 1e4. Momentum is not cycled.
 */
public final class OneCycle extends LearningRateSchedule {

    private final double maxLr;
    private double pctStart = 0.25;
    private double divFactor = 25;
    private double finalDivFactor = 1e4;

    public OneCycle(double maxLr) {
        super(true);
        requirePositive("maxLr", maxLr);
        this.maxLr = maxLr;
    }

    /** The fraction of the run spent warming up, in (0, 1). */
    public OneCycle pctStart(double pctStart) {
        if (!(pctStart > 0 && pctStart < 1)) {
            throw new IllegalArgumentException("pctStart must be between 0 and 1 (exclusive), got " + pctStart);
        }
        this.pctStart = pctStart;
        return this;
    }

    /** The first rate is {@code maxLr / divFactor}. */
    public OneCycle divFactor(double divFactor) {
        requirePositive("divFactor", divFactor);
        this.divFactor = divFactor;
        return this;
    }

    /** The last rate is {@code maxLr / (divFactor * finalDivFactor)}. */
    public OneCycle finalDivFactor(double finalDivFactor) {
        requirePositive("finalDivFactor", finalDivFactor);
        this.finalDivFactor = finalDivFactor;
        return this;
    }

    @Override
    public double rateAt(long step, long totalSteps) {
        double startLr = maxLr / divFactor;
        double endLr = startLr / finalDivFactor;
        long warmupEnd = Math.max(1, Math.round(pctStart * totalSteps) - 1);
        if (step <= warmupEnd) {
            return cosineBetween(startLr, maxLr, (double) step / warmupEnd);
        }
        long annealSteps = Math.max(1, totalSteps - 1 - warmupEnd);
        return cosineBetween(maxLr, endLr, Math.min(1.0, (double) (step - warmupEnd) / annealSteps));
    }
}
