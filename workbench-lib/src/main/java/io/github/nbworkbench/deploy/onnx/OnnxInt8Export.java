package io.github.nbworkbench.deploy.onnx;

import io.github.nbworkbench.deploy.Granularity;
import io.github.nbworkbench.deploy.QuantizedTensor;
import io.github.nbworkbench.deploy.graph.InferenceGraph;
import io.github.nbworkbench.deploy.graph.InferenceStep;
import io.github.nbworkbench.deploy.graph.SameDiffInference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import onnx.Onnx;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes a network as an int8 ONNX model in QDQ form (QuantizeLinear / DequantizeLinear around each
 * operation), the form ONNX Runtime turns into integer kernels (QLinearConv, QLinearMatMul)
 * on the CPU. Weights are the symmetric int8 tensors of {@link QuantizedTensor}, per output channel
 * or per tensor, as in {@code Int8Quantizer}; the activations entering each convolution, pooling,
 * reshape and dense step are uint8, their ranges calibrated on sample inputs; convolution biases are
 * int32. The file has the same input and output as {@link OnnxExport}'s and runs in
 * {@link OnnxRuntimeModel}.
 *
 * <pre>{@code
 * OnnxInt8Export.of(graph, trainingImages.get(NDArrayIndex.interval(0, 500)))   // calibration inputs
 *     .granularity(Granularity.PER_CHANNEL)
 *     .save(Path.of("model-int8.onnx"));
 * }</pre>
 *
 * Calibrate on inputs like those the model will see (a few hundred training images); a range that
 * misses the real inputs clips them.
 */
public final class OnnxInt8Export {

    private final InferenceGraph graph;
    private final INDArray calibration;
    private Granularity granularity = Granularity.PER_CHANNEL;

    private OnnxInt8Export(InferenceGraph graph, INDArray calibration) {
        this.graph = graph;
        this.calibration = calibration;
    }

    /**
     * The int8 export of {@code graph}, with its activation ranges taken from {@code calibration} (inputs, examples along the first axis).
     *
     * @throws IllegalArgumentException when the calibration inputs are not shaped like the graph's input
     */
    public static OnnxInt8Export of(InferenceGraph graph, INDArray calibration) {
        Objects.requireNonNull(graph, "graph");
        String expected = shape(graph.inputShape());
        if (calibration == null || calibration.rank() < 2 || calibration.size(0) < 1) {
            throw new IllegalArgumentException("Give calibration inputs shaped like the model's input, " + expected
                    + ", examples along the first axis (a few hundred training examples)");
        }
        long[] example = Arrays.copyOfRange(calibration.shape(), 1, calibration.rank());
        if (!Arrays.equals(example, graph.inputShape())) {
            throw new IllegalArgumentException("The calibration inputs are shaped " + shape(example) + " but the model takes " + expected
                    + ": calibrate on examples of the data it was trained on, shaped as it takes them"
                    + (graph.inputShape().length == 1 && calibration.length() / calibration.size(0) == graph.inputShape()[0]
                            ? " (flat rows: LabeledDataset.flat(), or calibration.reshape(n, " + graph.inputShape()[0] + "))" : ""));
        }
        return new OnnxInt8Export(graph, calibration);
    }

    /** A shape with its batch axis: {@code [?, 1, 28, 28]}. */
    private static String shape(long[] example) {
        return "[?, " + Arrays.stream(example).mapToObj(Long::toString).collect(Collectors.joining(", ")) + "]";
    }

    /** One weight scale per output channel (the default) or per tensor. */
    public OnnxInt8Export granularity(Granularity granularity) {
        this.granularity = Objects.requireNonNull(granularity, "granularity");
        return this;
    }

    /** Writes the model to {@code file} atomically and returns the file. */
    public Path save(Path file) {
        return OnnxExport.write(toModel(), file);
    }

    public Onnx.ModelProto toModel() {
        List<INDArray> stepOutputs = SameDiffInference.of(graph).stepOutputs(calibration);
        List<ActivationQuantization> activations = new ArrayList<>();
        activations.add(ActivationQuantization.covering(calibration));
        stepOutputs.forEach(output -> activations.add(ActivationQuantization.covering(output)));
        Map<Integer, ActivationQuantization> products = new HashMap<>();
        for (int i = 0; i < graph.steps().size(); i++) {
            if (graph.steps().get(i) instanceof InferenceStep.Dense dense) {
                INDArray input = i == 0 ? calibration : stepOutputs.get(i - 1);
                products.put(i, ActivationQuantization.covering(input.mmul(dense.weights())));
            }
        }
        return OnnxExport.toModel(graph, new QdqGraphWriter(OnnxExport.INPUT_NAME, granularity, activations, products));
    }
}
