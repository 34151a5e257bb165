package io.github.nbworkbench.deploy.onnx;

import io.github.nbworkbench.deploy.Granularity;
import io.github.nbworkbench.deploy.QuantizedTensor;
import io.github.nbworkbench.deploy.graph.InferenceStep;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes the steps in ONNX's QDQ form: weights as int8 initializers with their scales behind a
 * DequantizeLinear, and a QuantizeLinear/DequantizeLinear pair (uint8, calibrated) on the input of
 * every reshape, pooling, convolution and dense step, and on each dense product. The graph still says "float Conv on
 * dequantized values", which any ONNX runtime can compute; ONNX Runtime recognises the
 * DequantizeLinear -> Conv -> QuantizeLinear groups and runs them as integer kernels.
 */
final class QdqGraphWriter extends OnnxGraphWriter {

    private static final long[] SCALAR = {};

    private final Granularity granularity;
    /** The quantization of the graph's input, then of each step's output. */
    private final List<ActivationQuantization> activations;
    /** The quantization of each dense step's product before its bias, by step index. */
    private final Map<Integer, ActivationQuantization> products;
    private int step;

    QdqGraphWriter(String input, Granularity granularity, List<ActivationQuantization> activations,
            Map<Integer, ActivationQuantization> products) {
        super(input);
        this.granularity = granularity;
        this.activations = List.copyOf(activations);
        this.products = Map.copyOf(products);
    }

    @Override
    void add(InferenceStep next) {
        super.add(next);
        step++;
    }

    /**
     * MatMul between a QuantizeLinear/DequantizeLinear pair, then the FP32 bias: ONNX Runtime 1.10
     * runs that group as QLinearMatMul, but folds a dequantized Gemm back to FP32.
     */
    @Override
    public String dense(InferenceStep.Dense dense) {
        ActivationQuantization productQuantization = products.get(step);
        String product = quantizedPair(chain(node("MatMul", operand(), weights(dense.weights(), 1))), productQuantization);
        return dense.bias() == null ? product
                : chain(node("Add", product, initializer(OnnxTensors.floats(name("B"), dense.bias()))));
    }

    /** A reshape rather than a Flatten: ONNX Runtime moves uint8 tensors through a Reshape without dequantizing them. */
    @Override
    public String flatten(InferenceStep.Flatten flatten) {
        String shape = initializer(OnnxTensors.longs(name("shape"), -1, flatten.features()));
        return chain(node("Reshape", operand(), shape));
    }

    @Override
    String operand() {
        return quantizedPair(current(), activations.get(step));
    }

    private String quantizedPair(String tensor, ActivationQuantization quantization) {
        String scale = initializer(OnnxTensors.floats(name("x_scale"), SCALAR, quantization.scale()));
        String zeroPoint = initializer(OnnxTensors.uint8s(name("x_zero_point"), SCALAR, (byte) quantization.zeroPoint()));
        String quantized = chain(node("QuantizeLinear", tensor, scale, zeroPoint));
        return chain(node("DequantizeLinear", quantized, scale, zeroPoint));
    }

    @Override
    String weights(INDArray weights, int channelAxis) {
        QuantizedTensor int8 = QuantizedTensor.of(weights, channelAxis, granularity);
        byte[] zeroPoints = new byte[int8.scales().length];
        return dequantized(OnnxTensors.int8s(name("W"), int8.shape(), int8.values()), int8.scales(),
                OnnxTensors.int8s(name("W_zero_point"), scaleShape(int8.scales()), zeroPoints), channelAxis);
    }

    /** The bias as int32 in units of input scale x weight scale, as integer convolution kernels add it. */
    @Override
    String convolutionBias(InferenceStep.Convolution convolution) {
        float inputScale = activations.get(step).scale();
        float[] weightScales = QuantizedTensor.of(convolution.weights(), 0, granularity).scales();
        float[] bias = convolution.bias().toFloatVector();
        float[] scales = new float[bias.length];
        int[] values = new int[bias.length];
        for (int c = 0; c < bias.length; c++) {
            scales[c] = inputScale * weightScales[weightScales.length == 1 ? 0 : c];
            values[c] = Math.round(bias[c] / scales[c]);
        }
        return dequantized(OnnxTensors.int32s(name("B"), new long[] {bias.length}, values), scales,
                OnnxTensors.int32s(name("B_zero_point"), new long[] {bias.length}, new int[bias.length]), 0);
    }

    private String dequantized(onnx.Onnx.TensorProto values, float[] scales, onnx.Onnx.TensorProto zeroPoints, int channelAxis) {
        String scale = initializer(OnnxTensors.floats(values.getName() + "_scale", scaleShape(scales), scales));
        var dequantize = node("DequantizeLinear", initializer(values), scale, initializer(zeroPoints));
        if (scales.length > 1) {
            dequantize.addAttribute(axis(channelAxis));
        }
        return dequantize.getOutput(0);
    }

    private static long[] scaleShape(float[] scales) {
        return scales.length == 1 ? SCALAR : new long[] {scales.length};
    }
}
