package io.github.nbworkbench.train;

import io.github.nbworkbench.progress.TrainingProgress;
import java.util.List;

/**
 * What a {@link Trainer} hands to its {@link TrainingStrategy}: everything resolved, defaults
 * applied and checked, the same for every strategy.
 *
 * @param model the network, through the adapter
 * @param firstEpoch the first epoch to train (above 1 when resuming)
 * @param lastEpoch the epoch to train up to
 * @param seed the run's seed (given, drawn from ND4J's generator, or the resumed run's)
 * @param trainingMetrics metrics computed on the training batches (none for strategies that do not see them)
 * @param validationMetrics metrics computed on the validation data
 * @param callbacks the callbacks, the default {@link TerminateOnNaN} included
 * @param progress where progress is shown (a display that shows nothing when quiet)
 * @param title the run's name in progress displays
 * @param history the history the run appends to: new, or the resumed checkpoint's
 * @param batchesPerStep training batches whose gradients make one optimizer step: 1, or n after {@link Trainer#accumulateGradients}(n)
 */
public record TrainingSettings(TrainableModel model, int firstEpoch, int lastEpoch, long seed, List<Metric> trainingMetrics,
        List<Metric> validationMetrics, List<Callback> callbacks, TrainingProgress progress, String title, History history,
        int batchesPerStep) {

    public TrainingSettings {
        trainingMetrics = List.copyOf(trainingMetrics);
        validationMetrics = List.copyOf(validationMetrics);
        callbacks = List.copyOf(callbacks);
    }
}
