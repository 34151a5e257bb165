package io.github.nbworkbench.train;

import org.deeplearning4j.nn.api.Model;

/** What a {@link Callback} sees of the run: the model, the history so far, the learning rate, and a way to stop. */
public interface TrainingContext {

    /** The network being trained (a MultiLayerNetwork or a ComputationGraph). */
    Model model();

    /** The same network through the trainer's adapter: parameters, updater state, learning rate, saving. */
    TrainableModel trainable();

    /** The epochs finished so far (including a resumed run's earlier epochs). */
    History history();

    /** The epoch running now (1-based), or the last one after training. */
    int epoch();

    /** The last epoch this run will reach unless stopped. */
    int lastEpoch();

    /**
     * Batches in one epoch, counting them with one pass over the training data the first time this is asked before epoch 1 ends.
     * With {@link Trainer#accumulateGradients} these are optimizer steps, each of several batches, as the batch hooks count them.
     */
    long batchesPerEpoch();

    /** The seed this run derives every epoch's random state from (see {@link Seeds}). */
    long seed();

    /** The learning rate now, or NaN when the updater has none (e.g. NoOp). */
    double learningRate();

    /** Sets the learning rate of every layer from the next batch on. */
    void setLearningRate(double learningRate);

    /**
     * Shows a short text with the run's progress (the notebook's live display, or the console), such
     * as a sample generated after an epoch; it replaces the previous note. {@code label} says what it is.
     */
    void showNote(String label, String text);

    /** Ends training after the current batch; the reason is shown and kept as {@link History#stopReason()}. */
    void stopTraining(String reason);

    /** True after {@link #stopTraining} was called. */
    boolean isStopRequested();
}
