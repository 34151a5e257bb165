package io.github.nbworkbench.train;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalDouble;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.optimize.api.ConvexOptimizer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * One view of a {@link MultiLayerNetwork} or a single-input, single-output {@link ComputationGraph}:
 * the few operations training needs, so that the trainer, the callbacks and the LR finder have one
 * code path for both.
 */
public interface TrainableModel {

    /** Wraps {@code model}; fails with a clear message for other model types or an uninitialised network. */
    static TrainableModel of(Model model) {
        boolean uninitialised = model instanceof MultiLayerNetwork net ? net.getLayers() == null || net.params() == null
                : model instanceof ComputationGraph graph && (graph.getLayers() == null || graph.params() == null);
        if (uninitialised) {
            throw new IllegalStateException("The network is not initialised: call net.init() before training it");
        }
        if (model instanceof MultiLayerNetwork net) {
            return new MultiLayerNetworkModel(net);
        }
        if (model instanceof ComputationGraph graph) {
            return new ComputationGraphModel(graph);
        }
        throw new IllegalArgumentException("Training supports MultiLayerNetwork and ComputationGraph, not "
                + (model == null ? "null" : model.getClass().getName()));
    }

    /** The wrapped network. */
    Model model();

    /** One optimisation step on {@code batch}, in training mode. */
    void fit(DataSet batch);

    /**
     * One forward and backward pass on {@code batch} in training mode that leaves the parameters as
     * they are: the gradient, summed over the batch's examples, stays in {@link #gradient()} until the
     * next pass. Returns the loss as {@link #lastLoss()} does. The first half of {@link #fit}, for
     * {@link Trainer#accumulateGradients}.
     *
     * @throws IllegalArgumentException for a network trained with truncated BPTT, whose fit takes a step per segment of a sequence
     */
    double computeGradient(DataSet batch);

    /** The gradient of every parameter, flattened in {@link #params()}'s order: a view DL4J overwrites on every backward pass. */
    INDArray gradient();

    /** The updater of DL4J's fit (made on first use): its blocks give each parameter's slice of {@link #gradient()} and of the updater state. */
    BaseMultiLayerUpdater<?> updater();

    /** The optimizer of DL4J's fit (made on first use): it turns the gradient into an update with the updater and steps the parameters. */
    ConvexOptimizer optimizer();

    /** The loss of the last {@link #fit} step (mean per example, regularisation included, as DL4J reports it). */
    double lastLoss();

    /** The loss on {@code batch} in inference mode (no dropout), with the same loss function as training. */
    double loss(DataSet batch);

    /** The network's outputs for {@code batch} in inference mode, masks applied. */
    INDArray output(DataSet batch);

    INDArray params();

    /** The loss function of the (first) output layer, or empty when the output is not a layer with one. */
    Optional<ILossFunction> outputLoss();

    void setParams(INDArray params);

    /** The updater's state (e.g. Adam's moments), or null when the updater keeps none. */
    INDArray updaterState();

    void setUpdaterState(INDArray state);

    int iterationCount();

    void setIterationCount(int iterations);

    int epochCount();

    void setEpochCount(int epochs);

    /** Counts one more finished epoch, in the configuration and in every layer (DL4J's schedules read both). */
    void incrementEpochCount();

    /** The learning rate now in use (of the first layer that has one), schedules evaluated. */
    OptionalDouble learningRate();

    /**
     * Sets one learning rate on every layer whose updater has one, replacing any DL4J schedule.
     * Changes the updater configuration in place: as exact as DL4J's {@code setLearningRate}, which
     * rebuilds the updater (about 2.5 ms a call), but cheap enough to call before every batch.
     */
    void setLearningRate(double learningRate);

    Collection<TrainingListener> listeners();

    /** Writes the model (configuration, parameters and, when asked, the updater state) in DL4J's format. */
    void write(OutputStream out, boolean withUpdaterState) throws IOException;

    /** The first layer that sees the data, as the configuration describes it, for error messages. */
    FirstLayer firstLayer();
}
