package io.github.nbworkbench.train;

/** {@code initialLr * factor^floor((epoch - 1) / everyEpochs)}: the rate drops by {@code factor} every {@code everyEpochs} epochs. */
public final class StepDecay extends LearningRateSchedule {

    private final double initialLr;
    private final double factor;
    private final int everyEpochs;

    public StepDecay(double initialLr, double factor, int everyEpochs) {
        super(false);
        requirePositive("initialLr", initialLr);
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1], got " + factor);
        }
        if (everyEpochs < 1) {
            throw new IllegalArgumentException("everyEpochs must be at least 1, got " + everyEpochs);
        }
        this.initialLr = initialLr;
        this.factor = factor;
        this.everyEpochs = everyEpochs;
    }

    @Override
    public double rateAt(long step, long totalSteps) {
        return initialLr * Math.pow(factor, step / everyEpochs);
    }
}
