package io.github.nbworkbench.compute;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.MemoryType;
import org.deeplearning4j.nn.conf.memory.MemoryUseMode;
import org.deeplearning4j.nn.conf.memory.NetworkMemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** DL4J's own estimate ({@code getMemoryReport}) of the memory a model needs to train on one batch, in all and for its activations. */
final class MemoryEstimate {

    private MemoryEstimate() {
    }

    /** Bytes for parameters, updater state, activations and gradients of one training batch of {@code batchSize} examples shaped like {@code features}. */
    static long trainingBytes(Model model, INDArray features, int batchSize) {
        return reportOf(model, inputTypeOf(features)).getTotalMemoryBytes(batchSize, MemoryUseMode.TRAINING, CacheMode.NONE, features.dataType());
    }

    /**
     * Bytes that grow with the batch in training: the activations, their gradients and the layers'
     * working memory, for {@code batchSize} examples shaped like {@code features} in the model's data type.
     */
    static long activationBytes(Model model, INDArray features, int batchSize) {
        NetworkMemoryReport report = reportOf(model, inputTypeOf(features));
        DataType type = model.params().dataType();
        long bytes = 0;
        for (MemoryType kind : List.of(MemoryType.ACTIVATIONS, MemoryType.ACTIVATION_GRADIENTS, MemoryType.WORKING_MEMORY_FIXED,
                MemoryType.WORKING_MEMORY_VARIABLE)) {
            bytes += report.getMemoryBytes(kind, batchSize, MemoryUseMode.TRAINING, CacheMode.NONE, type);
        }
        return bytes;
    }

    private static NetworkMemoryReport reportOf(Model model, InputType input) {
        if (model instanceof MultiLayerNetwork network) {
            return network.getLayerWiseConfigurations().getMemoryReport(input);
        }
        if (model instanceof ComputationGraph graph) {
            return graph.getConfiguration().getMemoryReport(input);
        }
        throw new IllegalArgumentException("Memory estimates cover MultiLayerNetwork and ComputationGraph, not " + model.getClass().getName());
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
