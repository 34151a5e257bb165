package io.github.nbworkbench.train;

/**
 * Stops training as soon as a batch's loss is NaN or infinite, with a message naming the epoch and
 * the batch. The {@link Trainer} adds one by default; {@link Trainer#allowNaN()} removes it.
 *
 * <p>A strategy whose workers train the batches out of sight ({@link ParallelTraining}, Spark) calls
 * no batch hook: there the default guard stops training after the first epoch that leaves NaN or
 * infinite parameters (the loss of such a strategy may be unreported, so the parameters are what
 * is checked), whether it is the default guard or added by hand.
 */
public final class TerminateOnNaN implements Callback {

    /** Its epoch check guards strategies that do not see the batches. */
    @Override
    public boolean needsBatches() {
        return false;
    }

    @Override
    public void onBatchEnd(TrainingContext context, int epoch, long batch, double loss) {
        if (!Double.isFinite(loss)) {
            context.stopTraining("the loss became " + loss + " at epoch " + epoch + ", batch " + batch
                    + " (learning rate " + context.learningRate() + "). Lower the learning rate, check the data for NaN"
                    + " or unscaled values, or clip gradients (.gradientNormalization(...) in the configuration).");
        }
    }

    @Override
    public void onEpochEnd(TrainingContext context, EpochValues values) {
        if (!context.isStopRequested() && !Double.isFinite(context.trainable().params().sumNumber().doubleValue())) {
            context.stopTraining("the parameters became NaN or infinite in epoch " + values.epoch() + " (learning rate "
                    + context.learningRate() + "). Lower the learning rate, check the data for NaN or unscaled values,"
                    + " or clip gradients (.gradientNormalization(...) in the configuration).");
        }
    }
}
