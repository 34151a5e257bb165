package io.github.nbworkbench.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Post-training int8 quantization of a network's weights, symmetric, per tensor or per output
 * channel. The weights ("W") of dense, output and 2D convolution layers become int8 with their scales;
 * biases and every other layer's parameters (batch norm, LSTM, ...) stay FP32, and
 * {@link QuantizedModel#report()} says which is which. The int8 form is for storage and transfer:
 * {@link QuantizedModel#toNetwork()} loads it back into an ordinary FP32 network for inference.
 *
 * <pre>{@code
 * QuantizedModel int8 = Int8Quantizer.quantize(net, Granularity.PER_CHANNEL);
 * int8.save(Path.of("model-int8.zip"));
 * MultiLayerNetwork restored = QuantizedModel.load(Path.of("model-int8.zip")).toNetwork();
 * }</pre>
 */
public final class Int8Quantizer {

    static final String WEIGHTS = "W";

    private Int8Quantizer() {
    }

    public static QuantizedModel quantize(MultiLayerNetwork network, Granularity granularity) {
        Map<String, QuantizedTensor> quantized = new LinkedHashMap<>();
        Map<String, float[]> kept = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> param : network.paramTable().entrySet()) {
            String key = param.getKey();
            INDArray values = param.getValue();
            Layer layer = network.getLayer(Integer.parseInt(key.substring(0, key.indexOf('_'))));
            String name = key.substring(key.indexOf('_') + 1);
            int channelAxis = channelAxis(layer.conf().getLayer());
            float[] data = Nd4j.toFlattened('c', values.castTo(DataType.FLOAT)).toFloatVector();
            shapes.put(key, values.shape());
            if (name.equals(WEIGHTS) && channelAxis >= 0) {
                quantized.put(key, QuantizedTensor.quantize(data, values.shape(), channelAxis, granularity));
                notes.put(key, "int8, " + (granularity == Granularity.PER_CHANNEL ? "per output channel" : "per tensor"));
            } else {
                kept.put(key, data);
                notes.put(key, channelAxis >= 0 ? "FP32 (bias)"
                        : "FP32 (" + layer.conf().getLayer().getClass().getSimpleName() + " is not quantized)");
            }
        }
        return new QuantizedModel(network.getLayerWiseConfigurations().toJson(), granularity, shapes, quantized, kept, notes);
    }

    /** True when {@code key} of {@code network}'s parameter table is the weights of a dense, output or 2D convolution layer. */
    static boolean isLayerWeights(MultiLayerNetwork network, String key) {
        int underscore = key.indexOf('_');
        return key.substring(underscore + 1).equals(WEIGHTS)
                && channelAxis(network.getLayer(Integer.parseInt(key.substring(0, underscore))).conf().getLayer()) >= 0;
    }

    /** The output-channel axis of a layer's weights, or -1 for layers whose weights stay FP32. */
    static int channelAxis(org.deeplearning4j.nn.conf.layers.Layer layer) {
        if (layer instanceof Deconvolution2D || layer instanceof DepthwiseConvolution2D || layer instanceof SeparableConvolution2D) {
            return -1;
        }
        if (layer instanceof ConvolutionLayer) {
            return 0;   // [nOut, nIn, kH, kW]
        }
        if (layer instanceof DenseLayer || layer instanceof BaseOutputLayer) {
            return 1;   // [nIn, nOut]
        }
        return -1;
    }
}
