package io.github.nbworkbench.train;

import java.util.List;

/**
 * A hook into training, in the style of Keras callbacks: each method has an empty default, so a
 * callback overrides only what it needs. Epochs and batches are 1-based. The {@link TrainingContext}
 * gives the model, the history so far and the learning rate, and can stop training.
 */
public interface Callback {

    /**
     * The History values this callback reads by name, such as the monitor of {@link EarlyStopping}
     * ({@code val_loss}); training refuses to start when the run records none of that name. None by default.
     */
    default List<String> monitors() {
        return List.of();
    }

    /**
     * True when this callback only works if it sees every batch; a strategy whose workers train the
     * batches out of sight ({@link ParallelTraining}, Spark) refuses it, naming its batch hooks. By
     * default true when the class overrides {@link #onBatchBegin} or {@link #onBatchEnd}.
     */
    default boolean needsBatches() {
        return !BatchHooks.of(this).isEmpty();
    }

    /** Before the first epoch of this run; on a resumed run the history already holds the earlier epochs. */
    default void onTrainBegin(TrainingContext context) {
    }

    default void onEpochBegin(TrainingContext context, int epoch) {
    }

    /**
     * Before the training step on batch {@code batch}; a learning rate set here applies to this batch.
     * With {@link Trainer#accumulateGradients} a batch here is one optimizer step over several batches.
     */
    default void onBatchBegin(TrainingContext context, int epoch, long batch) {
    }

    /** After the training step; {@code loss} is DL4J's score for this batch. */
    default void onBatchEnd(TrainingContext context, int epoch, long batch, double loss) {
    }

    /** After the epoch's values (validation included) are recorded in the history. */
    default void onEpochEnd(TrainingContext context, EpochValues values) {
    }

    /** After the last epoch, also when training stopped early (not when it failed with an exception). */
    default void onTrainEnd(TrainingContext context) {
    }
}
