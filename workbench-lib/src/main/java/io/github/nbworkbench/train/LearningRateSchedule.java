package io.github.nbworkbench.train;

/**
 * A learning rate that follows a curve over the run, set through the network's updater before every
 * batch or at the start of every epoch. Subclasses give the curve as {@link #rateAt(long, long)}:
 * the rate for step {@code step} (0-based) of {@code totalSteps}, steps being batches or epochs.
 * Per-batch schedules count the training batches once, before the first epoch, when the data does not say.
 */
public abstract class LearningRateSchedule implements Callback {

    private final boolean perBatch;
    private long batchesPerEpoch;
    private long totalSteps;

    protected LearningRateSchedule(boolean perBatch) {
        this.perBatch = perBatch;
    }

    /** The rate for step {@code step} (0-based) of a run of {@code totalSteps} steps. */
    public abstract double rateAt(long step, long totalSteps);

    /** True when the rate changes before every batch, false when once per epoch. */
    public boolean isPerBatch() {
        return perBatch;
    }

    /** A per-epoch schedule works with every strategy; a per-batch one needs to see the batches. */
    @Override
    public boolean needsBatches() {
        return perBatch;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        if (perBatch) {
            batchesPerEpoch = context.batchesPerEpoch();
            totalSteps = batchesPerEpoch * context.lastEpoch();
        } else {
            totalSteps = context.lastEpoch();
        }
    }

    @Override
    public void onEpochBegin(TrainingContext context, int epoch) {
        if (!perBatch) {
            context.setLearningRate(rateAt(epoch - 1, totalSteps));
        }
    }

    @Override
    public void onBatchBegin(TrainingContext context, int epoch, long batch) {
        if (perBatch) {
            long step = Math.min((epoch - 1) * batchesPerEpoch + batch - 1, totalSteps - 1);
            context.setLearningRate(rateAt(step, totalSteps));
        }
    }

    static double cosineBetween(double from, double to, double fraction) {
        return to + (from - to) * (1 + Math.cos(Math.PI * fraction)) / 2;
    }

    static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
    }
}
