package io.github.nbworkbench.tune;

import io.github.nbworkbench.train.Callback;
import io.github.nbworkbench.train.EpochValues;
import io.github.nbworkbench.train.TrainingContext;
import java.util.Arrays;

/**
 * Times training steps inside a trial's own Trainer (so data loading and augmentation count): skips
 * {@code warmUp} steps while the JIT and the native libraries warm up, times {@code measured} steps,
 * then stops training.
 */
final class StepTimer implements Callback {

    private final int warmUp;
    private final double[] seconds;
    private int steps;
    private int timed;
    private long stepStart;
    private long batchesPerEpoch;
    private long parameters;

    StepTimer(int warmUp, int measured) {
        this.warmUp = warmUp;
        this.seconds = new double[measured];
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        batchesPerEpoch = context.batchesPerEpoch(); // counted here, before training: during epoch 1 the trainer cannot
        parameters = context.trainable().params().length();
    }

    @Override
    public void onBatchBegin(TrainingContext context, int epoch, long batch) {
        stepStart = System.nanoTime();
    }

    @Override
    public void onBatchEnd(TrainingContext context, int epoch, long batch, double loss) {
        long elapsed = System.nanoTime() - stepStart;
        if (++steps > warmUp && timed < seconds.length) {
            seconds[timed++] = elapsed / 1e9;
        }
        if (timed == seconds.length) {
            finish(context);
        }
    }

    @Override
    public void onEpochEnd(TrainingContext context, EpochValues values) {
        if (timed > 0) {
            finish(context);
        }
    }

    private void finish(TrainingContext context) {
        if (!context.isStopRequested()) {
            context.stopTraining("timed " + timed + " training steps");
        }
    }

    /** The median time of a timed step. */
    double secondsPerStep() {
        if (timed == 0) {
            throw new IllegalStateException("No training step was timed: the trial's training ended before " + (warmUp + 1) + " steps");
        }
        double[] sorted = Arrays.copyOf(seconds, timed);
        Arrays.sort(sorted);
        return timed % 2 == 1 ? sorted[timed / 2] : (sorted[timed / 2 - 1] + sorted[timed / 2]) / 2;
    }

    long batchesPerEpoch() {
        return batchesPerEpoch;
    }

    long parameters() {
        return parameters;
    }
}
