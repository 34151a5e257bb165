package io.github.nbworkbench.train;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.ConvexOptimizer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.optimize.solvers.BaseOptimizer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Sums the gradients of several batches and applies them as one optimizer step: the step DL4J's fit
 * takes on one batch holding all their examples ({@link Trainer#accumulateGradients}).
 *
 * <p>Why a sum: DL4J's backward pass leaves each batch's gradient summed over its examples, and the
 * updater divides by the batch size before Adam, momentum, L2 or clipping see it. Summing the batches'
 * gradients and letting the updater divide once by all their examples gives exactly the large batch's
 * mean gradient, also when the last batch of an epoch is smaller (a mean of the batches' means would
 * weigh its examples more). A few entries are not gradients but updates DL4J never divides, batch
 * normalisation's running mean and variance: those are averaged over the examples instead, as one
 * large batch would move them once. The statistics batch normalisation normalises with stay those of
 * each small batch, so a network with it (or with dropout) only approximates the large batch.
 */
final class GradientAccumulation {

    /** A parameter whose "gradient" DL4J does not divide by the batch size: its slice of the model's gradient and of the sum. */
    private record UndividedSlice(INDArray ofGradient, INDArray ofSum) {
    }

    private final TrainableModel model;
    private final INDArray sum;
    private final List<UndividedSlice> undivided = new ArrayList<>();
    private int batches;
    private int examples;

    GradientAccumulation(TrainableModel model) {
        this.model = model;
        List<UpdaterBlock> blocks = model.updater().getUpdaterBlocks();    // DL4J makes the gradient view with the updater
        INDArray gradient = model.gradient();
        this.sum = Nd4j.create(gradient.dataType(), gradient.shape());
        INDArray flatSum = sum.reshape(sum.length());
        for (UpdaterBlock block : blocks) {
            for (UpdaterBlock.ParamState param : block.getLayersAndVariablesInBlock()) {
                if (!param.getLayer().updaterDivideByMinibatch(param.getParamName())) {
                    undivided.add(new UndividedSlice(param.getGradView(),
                            flatSum.get(NDArrayIndex.interval(param.getParamOffsetStart(), param.getParamOffsetEnd()))));
                }
            }
        }
    }

    /** Refuses truncated BPTT: its fit steps once per segment of a sequence, so no gradient covers a whole batch. */
    static void refuseTruncatedBptt(BackpropType type) {
        if (type == BackpropType.TruncatedBPTT) {
            throw new IllegalArgumentException("Gradient accumulation needs each batch's gradient over whole sequences, but this network"
                    + " trains with truncated BPTT (BackpropType.TruncatedBPTT), which takes an optimizer step per segment of a sequence."
                    + " Drop .accumulateGradients(...), or build the network without truncated BPTT (e.g. no .truncatedBptt(...))");
        }
    }

    /** Adds {@code batch}'s gradient to the sum, the parameters unchanged; returns the batch's loss. */
    double add(DataSet batch) {
        double loss = model.computeGradient(batch);
        int size = batch.numExamples();
        for (UndividedSlice slice : undivided) {
            slice.ofGradient().muli(size);
        }
        if (batches == 0) {
            sum.assign(model.gradient());
        } else {
            sum.addi(model.gradient());
        }
        batches++;
        examples += size;
        return loss;
    }

    /**
     * Applies the summed gradient as one step, the way DL4J's fit applies one batch's: listeners see
     * the gradient, the updater divides it by all the examples and turns it into an update, the
     * parameters move, the iteration count grows by one and constraints are applied. Then starts a new sum.
     */
    void step() {
        if (batches == 0) {
            return;
        }
        for (UndividedSlice slice : undivided) {
            slice.ofSum().divi(examples);
        }
        model.gradient().assign(sum);
        Model network = model.model();
        Gradient gradient = network.gradient();    // the last backward pass's, over the buffer that now holds the sum
        for (TrainingListener listener : model.listeners()) {
            listener.onGradientCalculation(network);
        }
        ConvexOptimizer optimizer = model.optimizer();
        optimizer.updateGradientAccordingToParams(gradient, network, examples, LayerWorkspaceMgr.noWorkspaces());
        optimizer.getStepFunction().step(model.params(), gradient.gradient());
        int iteration = BaseOptimizer.getIterationCount(network);
        int epoch = BaseOptimizer.getEpochCount(network);
        for (TrainingListener listener : model.listeners()) {
            listener.iterationDone(network, iteration, epoch);
        }
        BaseOptimizer.incrementIterationCount(network, 1);
        BaseOptimizer.applyConstraints(network);
        batches = 0;
        examples = 0;
    }
}
