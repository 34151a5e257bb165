package io.github.nbworkbench.deploy.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/**
 * A trained network rebuilt as a SameDiff graph for inference: the same weights, executed op by op
 * by ND4J's graph engine instead of layer by layer, with no training state.
 *
 * <pre>{@code
 * SameDiffInference fast = SameDiffInference.of(net);
 * INDArray probabilities = fast.output(testFeatures);
 * }</pre>
 */
public final class SameDiffInference {

    private static final String INPUT = "input";

    private final SameDiff graph;
    private final String output;
    private final List<String> stepOutputs;

    private SameDiffInference(SameDiff graph, String output, List<String> stepOutputs) {
        this.graph = graph;
        this.output = output;
        this.stepOutputs = List.copyOf(stepOutputs);
    }

    public static SameDiffInference of(MultiLayerNetwork net) {
        return of(InferenceGraph.of(net));
    }

    public static SameDiffInference of(InferenceGraph inference) {
        SameDiff graph = SameDiff.create();
        SDVariable input = graph.placeHolder(INPUT, DataType.FLOAT, withBatchAxis(inference.inputShape()));
        GraphBuilder builder = new GraphBuilder(graph, input);
        SDVariable output = input;
        List<String> stepOutputs = new ArrayList<>();
        for (InferenceStep step : inference.steps()) {
            output = builder.add(step);
            stepOutputs.add(output.name());
        }
        return new SameDiffInference(graph, output.name(), stepOutputs);
    }

    /** The network's output for {@code input} (FP32, examples along the first axis). */
    public INDArray output(INDArray input) {
        return graph.outputSingle(Map.of(INPUT, input.castTo(DataType.FLOAT)), output);
    }

    /**
     * What each step of the {@link InferenceGraph} computed for {@code input}, in step order: the
     * activations inside the network, e.g. to calibrate the ranges of int8 activations.
     */
    public List<INDArray> stepOutputs(INDArray input) {
        Map<String, INDArray> values = graph.output(Map.of(INPUT, input.castTo(DataType.FLOAT)), stepOutputs.toArray(String[]::new));
        return stepOutputs.stream().map(values::get).toList();
    }

    /** The SameDiff graph itself, e.g. to save with {@code sameDiff().asFlatFile(file)}. */
    public SameDiff sameDiff() {
        return graph;
    }

    /** Adds each step's ops after the variable {@code x}. */
    private static final class GraphBuilder implements InferenceStep.Visitor<SDVariable> {

        private final SameDiff graph;
        private SDVariable x;

        GraphBuilder(SameDiff graph, SDVariable input) {
            this.graph = graph;
            this.x = input;
        }

        SDVariable add(InferenceStep step) {
            x = step.accept(this);
            return x;
        }

        @Override
        public SDVariable reshape(InferenceStep.Reshape step) {
            return x.reshape(withBatchAxis(step.shape()));
        }

        @Override
        public SDVariable flatten(InferenceStep.Flatten step) {
            return x.reshape(-1, step.features());
        }

        @Override
        public SDVariable convolution(InferenceStep.Convolution step) {
            long[] kernel = step.weights().shape();
            Conv2DConfig config = Conv2DConfig.builder()
                    .kH(kernel[2]).kW(kernel[3])
                    .sH(step.strides()[0]).sW(step.strides()[1])
                    .dH(step.dilations()[0]).dW(step.dilations()[1])
                    .pH(step.padsBegin()[0]).pW(step.padsBegin()[1])
                    .paddingMode(step.sameMode() ? PaddingMode.SAME : PaddingMode.VALID)
                    .dataFormat("NCHW")
                    .weightsFormat(WeightsFormat.OIYX)
                    .build();
            SDVariable weights = graph.constant(step.weights());
            return step.bias() == null
                    ? graph.cnn().conv2d(x, weights, config)
                    : graph.cnn().conv2d(x, weights, graph.constant(step.bias()), config);
        }

        @Override
        public SDVariable pooling(InferenceStep.Pooling step) {
            Pooling2DConfig config = Pooling2DConfig.builder()
                    .kH(step.kernel()[0]).kW(step.kernel()[1])
                    .sH(step.strides()[0]).sW(step.strides()[1])
                    .pH(step.padsBegin()[0]).pW(step.padsBegin()[1])
                    .dH(1).dW(1)
                    .paddingMode(step.sameMode() ? PaddingMode.SAME : PaddingMode.VALID)
                    .type(step.max() ? Pooling2D.Pooling2DType.MAX : Pooling2D.Pooling2DType.AVG)
                    .isNHWC(false)
                    .build();
            return step.max() ? graph.cnn().maxPooling2d(x, config) : graph.cnn().avgPooling2d(x, config);
        }

        @Override
        public SDVariable channelAffine(InferenceStep.ChannelAffine step) {
            return x.mul(graph.constant(broadcastable(step.scale(), step.spatial())))
                    .add(graph.constant(broadcastable(step.shift(), step.spatial())));
        }

        @Override
        public SDVariable dense(InferenceStep.Dense step) {
            SDVariable weights = graph.constant(step.weights());
            return step.bias() == null ? x.mmul(weights) : graph.nn().linear(x, weights, graph.constant(step.bias()));
        }

        @Override
        public SDVariable activation(InferenceStep.Activation step) {
            return switch (step.kind()) {
                case RELU -> graph.nn().relu(x, 0);
                case LEAKY_RELU -> graph.nn().leakyRelu(x, step.alpha());
                case ELU -> step.alpha() == 1.0 ? graph.nn().elu(x) : scaledElu(step.alpha());
                case SIGMOID -> graph.nn().sigmoid(x);
                case TANH -> graph.nn().tanh(x);
                case SOFTPLUS -> graph.nn().softplus(x);
                case SOFTMAX -> graph.nn().softmax(x, -1);
            };
        }

        /** ELU with alpha: relu(x) + alpha * (elu(x) - relu(x)), since SameDiff's elu has alpha 1. */
        private SDVariable scaledElu(double alpha) {
            SDVariable positive = graph.nn().relu(x, 0);
            return positive.add(graph.nn().elu(x).sub(positive).mul(alpha));
        }
    }

    private static long[] withBatchAxis(long[] shape) {
        return LongStream.concat(LongStream.of(-1), LongStream.of(shape)).toArray();
    }

    private static INDArray broadcastable(INDArray perChannel, boolean spatial) {
        long channels = perChannel.length();
        return spatial ? perChannel.reshape(1, channels, 1, 1) : perChannel.reshape(1, channels);
    }
}
