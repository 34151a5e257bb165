package io.github.nbworkbench.deploy;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A weight tensor as symmetric int8: value = q * scale[channel], q in [-127, 127], with
 * scale = max |w| / 127 over the channel (or the whole tensor). {@code shape} is the tensor's shape;
 * values are in C order; the channel of value i is (i / stride) % channels. Written by
 * {@link Int8Quantizer} into a {@link QuantizedModel}, and by {@code deploy.onnx.OnnxInt8Export} into
 * an ONNX file, so both carry the same int8 weights.
 *
 * <pre>{@code
 * QuantizedTensor int8 = QuantizedTensor.of(convWeights, 0, Granularity.PER_CHANNEL);   // [out, in, kH, kW]: one scale per filter
 * }</pre>
 */
public record QuantizedTensor(long[] shape, byte[] values, float[] scales, int stride) {

    static final int LEVELS = 127;

    /** {@code weights} as int8, with one scale per slice along {@code channelAxis}, or one for all. */
    public static QuantizedTensor of(INDArray weights, int channelAxis, Granularity granularity) {
        if (channelAxis < 0 || channelAxis >= weights.rank()) {
            throw new IllegalArgumentException("Channel axis " + channelAxis + " is not an axis of a tensor shaped " + Arrays.toString(weights.shape()));
        }
        return quantize(Nd4j.toFlattened('c', weights.castTo(DataType.FLOAT)).toFloatVector(), weights.shape(), channelAxis, granularity);
    }

    /** Quantizes {@code weights} (C order, of {@code shape}) with one scale per slice along {@code channelAxis}, or one in all. */
    static QuantizedTensor quantize(float[] weights, long[] shape, int channelAxis, Granularity granularity) {
        int channels = granularity == Granularity.PER_CHANNEL ? (int) shape[channelAxis] : 1;
        int stride = 1;
        for (int d = channelAxis + 1; d < shape.length; d++) {
            stride *= (int) shape[d];
        }
        if (granularity == Granularity.PER_TENSOR) {
            stride = weights.length;
        }
        float[] maxAbs = new float[channels];
        for (int i = 0; i < weights.length; i++) {
            int c = (i / stride) % channels;
            maxAbs[c] = Math.max(maxAbs[c], Math.abs(weights[i]));
        }
        float[] scales = new float[channels];
        for (int c = 0; c < channels; c++) {
            scales[c] = maxAbs[c] > 0 ? maxAbs[c] / LEVELS : 1f;
        }
        byte[] values = new byte[weights.length];
        for (int i = 0; i < weights.length; i++) {
            int q = Math.round(weights[i] / scales[(i / stride) % channels]);
            values[i] = (byte) Math.max(-LEVELS, Math.min(LEVELS, q));
        }
        return new QuantizedTensor(shape.clone(), values, scales, stride);
    }

    float[] dequantize() {
        float[] weights = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            weights[i] = values[i] * scales[(i / stride) % scales.length];
        }
        return weights;
    }

    long size() {
        return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }
}
