package io.github.nbworkbench.compute;

import java.util.Arrays;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.MemoryUseMode;
import org.deeplearning4j.nn.conf.memory.NetworkMemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** DL4J's own estimate ({@code getMemoryReport}) of the memory a model needs to train on one batch. */
final class MemoryEstimate {

    private MemoryEstimate() {
    }

    /** Bytes for parameters, updater state, activations and gradients of one training batch of {@code batchSize} examples shaped like {@code features}. */
    static long trainingBytes(Model model, INDArray features, int batchSize) {
        InputType input = inputTypeOf(features);
        NetworkMemoryReport report;
        if (model instanceof MultiLayerNetwork network) {
            report = network.getLayerWiseConfigurations().getMemoryReport(input);
        } else if (model instanceof ComputationGraph graph) {
            report = graph.getConfiguration().getMemoryReport(input);
        } else {
            throw new IllegalArgumentException("Memory estimates cover MultiLayerNetwork and ComputationGraph, not " + model.getClass().getName());
        }
        return report.getTotalMemoryBytes(batchSize, MemoryUseMode.TRAINING, CacheMode.NONE, features.dataType());
    }

    /** The input type of a batch: [N, n] feed-forward, [N, n, T] recurrent, [N, C, H, W] convolutional. */
    static InputType inputTypeOf(INDArray features) {
        long[] shape = features.shape();
        return switch (shape.length) {
            case 2 -> InputType.feedForward(shape[1]);
            case 3 -> InputType.recurrent(shape[1], shape[2]);
            case 4 -> InputType.convolutional(shape[2], shape[3], shape[1]);
            default -> throw new IllegalArgumentException("Cannot tell the input type of features of shape " + Arrays.toString(shape)
                    + "; expected [N, n], [N, n, T] or [N, C, H, W]");
        };
    }
}
