package io.github.nbworkbench.train;

/**
 * Stops training as soon as a batch's loss is NaN or infinite, with a message naming the epoch and
 * the batch. The {@link Trainer} adds one by default; {@link Trainer#allowNaN()} removes it.
 */
public final class TerminateOnNaN implements Callback {

    @Override
    public void onBatchEnd(TrainingContext context, int epoch, long batch, double loss) {
        if (!Double.isFinite(loss)) {
            context.stopTraining("the loss became " + loss + " at epoch " + epoch + ", batch " + batch
                    + " (learning rate " + context.learningRate() + "). Lower the learning rate, check the data for NaN"
                    + " or unscaled values, or clip gradients (.gradientNormalization(...) in the configuration).");
        }
    }
}
