package io.github.nbworkbench.deploy.onnx;

import io.github.nbworkbench.deploy.graph.InferenceStep;
import java.util.Arrays;
import java.util.stream.LongStream;
import onnx.Onnx;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Appends ONNX nodes and FP32 weight initializers for each step, chaining each node to the previous
 * one's output; returns the name of the tensor each step produced. {@link QdqGraphWriter} changes
 * what goes into the weights and the compute steps' inputs.
 */
class OnnxGraphWriter implements InferenceStep.Visitor<String> {

    private final Onnx.GraphProto.Builder graph = Onnx.GraphProto.newBuilder();
    private String current;
    private int nodes;

    OnnxGraphWriter(String input) {
        this.current = input;
    }

    void add(InferenceStep step) {
        step.accept(this);
    }

    /** The graph so far, its last tensor renamed to {@code output}. */
    Onnx.GraphProto.Builder finish(String output) {
        namedNode("Identity", output, current);
        return graph;
    }

    @Override
    public String reshape(InferenceStep.Reshape step) {
        String shape = initializer(OnnxTensors.longs(name("shape"), LongStream.concat(LongStream.of(-1), LongStream.of(step.shape())).toArray()));
        return chain(node("Reshape", operand(), shape));
    }

    @Override
    public String flatten(InferenceStep.Flatten step) {
        return chain(node("Flatten", operand()).addAttribute(axis(1)));
    }

    @Override
    public String convolution(InferenceStep.Convolution step) {
        long[] kernel = step.weights().shape();
        Onnx.NodeProto.Builder conv = step.bias() == null
                ? node("Conv", operand(), weights(step.weights(), 0))
                : node("Conv", operand(), weights(step.weights(), 0), convolutionBias(step));
        return chain(conv.addAttribute(ints("kernel_shape", kernel[2], kernel[3]))
                .addAttribute(ints("strides", step.strides()))
                .addAttribute(ints("dilations", step.dilations()))
                .addAttribute(ints("pads", pads(step.padsBegin(), step.padsEnd()))));
    }

    @Override
    public String pooling(InferenceStep.Pooling step) {
        return chain(node(step.max() ? "MaxPool" : "AveragePool", operand())
                .addAttribute(ints("kernel_shape", step.kernel()))
                .addAttribute(ints("strides", step.strides()))
                .addAttribute(ints("pads", pads(step.padsBegin(), step.padsEnd()))));
    }

    @Override
    public String channelAffine(InferenceStep.ChannelAffine step) {
        String scale = initializer(OnnxTensors.floats(name("scale"), perChannel(step.scale(), step.spatial())));
        String shift = initializer(OnnxTensors.floats(name("shift"), perChannel(step.shift(), step.spatial())));
        String scaled = chain(node("Mul", current, scale));
        return chain(node("Add", scaled, shift));
    }

    @Override
    public String dense(InferenceStep.Dense step) {
        // MatMul without a bias: ONNX Runtime 1.10 fuses a bias-less Gemm with its activation into an invalid node
        return chain(step.bias() == null
                ? node("MatMul", operand(), weights(step.weights(), 1))
                : node("Gemm", operand(), weights(step.weights(), 1), initializer(OnnxTensors.floats(name("B"), step.bias()))));
    }

    /** The tensor a reshape, pooling or convolution step reads: the previous step's output. */
    String operand() {
        return current;
    }

    /** The initializer (or node output) that holds {@code weights}, whose output channels lie along {@code channelAxis}. */
    String weights(INDArray weights, int channelAxis) {
        return initializer(OnnxTensors.floats(name("W"), weights));
    }

    String convolutionBias(InferenceStep.Convolution step) {
        return initializer(OnnxTensors.floats(name("B"), step.bias()));
    }

    @Override
    public String activation(InferenceStep.Activation step) {
        return chain(switch (step.kind()) {
            case RELU -> node("Relu", current);
            case LEAKY_RELU -> node("LeakyRelu", current).addAttribute(floatAttribute("alpha", step.alpha()));
            case ELU -> node("Elu", current).addAttribute(floatAttribute("alpha", step.alpha()));
            case SIGMOID -> node("Sigmoid", current);
            case TANH -> node("Tanh", current);
            case SOFTPLUS -> node("Softplus", current);
            case SOFTMAX -> node("Softmax", current).addAttribute(axis(-1));
        });
    }

    /** A node reading {@code inputs}, whose output gets the next free tensor name. */
    Onnx.NodeProto.Builder node(String opType, String... inputs) {
        return namedNode(opType, "t" + nodes, inputs);
    }

    private Onnx.NodeProto.Builder namedNode(String opType, String output, String... inputs) {
        Onnx.NodeProto.Builder node = graph.addNodeBuilder()
                .setName(opType + "_" + nodes++)
                .setOpType(opType)
                .addOutput(output);
        Arrays.stream(inputs).forEach(node::addInput);
        return node;
    }

    String chain(Onnx.NodeProto.Builder node) {
        current = node.getOutput(0);
        return current;
    }

    String current() {
        return current;
    }

    String name(String role) {
        return role + "_" + nodes;
    }

    String initializer(Onnx.TensorProto tensor) {
        graph.addInitializer(tensor);
        return tensor.getName();
    }

    /** [C] becomes [C, 1, 1] for NCHW activations, so that it broadcasts over height and width. */
    private static INDArray perChannel(INDArray values, boolean spatial) {
        return spatial ? values.reshape(values.length(), 1, 1) : values;
    }

    /** ONNX pads list all starts, then all ends: [top, left, bottom, right]. */
    private static long[] pads(int[] begin, int[] end) {
        return new long[] {begin[0], begin[1], end[0], end[1]};
    }

    private static Onnx.AttributeProto ints(String name, int... values) {
        return ints(name, Arrays.stream(values).asLongStream().toArray());
    }

    private static Onnx.AttributeProto ints(String name, long... values) {
        Onnx.AttributeProto.Builder attribute = Onnx.AttributeProto.newBuilder().setName(name);
        Arrays.stream(values).forEach(attribute::addInts);
        return attribute.setType(Onnx.AttributeProto.AttributeType.INTS).build();
    }

    static Onnx.AttributeProto axis(long axis) {
        return Onnx.AttributeProto.newBuilder().setName("axis").setType(Onnx.AttributeProto.AttributeType.INT).setI(axis).build();
    }

    private static Onnx.AttributeProto floatAttribute(String name, double value) {
        return Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.FLOAT).setF((float) value).build();
    }
}
