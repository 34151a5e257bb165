package io.github.nbworkbench.deploy.graph;

import io.github.nbworkbench.data.LabeledDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * What a trained {@link MultiLayerNetwork} computes at inference, as a chain of plain
 * {@link InferenceStep}s with their own copies of the weights: the common ground from which the
 * network is written to ONNX ({@code deploy.onnx.OnnxExport}) or rebuilt on SameDiff
 * ({@link SameDiffInference}).
 *
 * <p>Carried: convolution (NCHW; Truncate, Strict and Same modes), max and average pooling, batch
 * normalization, dense and output layers, dropout (nothing at inference), activation layers, the
 * reshapes between them, and the activations of {@link ActivationKind}. Any other layer is refused
 * with its name, so an export never silently computes something else.
 */
public final class InferenceGraph {

    private final long[] inputShape;
    private final long[] outputShape;
    private final List<InferenceStep> steps;

    private InferenceGraph(long[] inputShape, long[] outputShape, List<InferenceStep> steps) {
        this.inputShape = inputShape;
        this.outputShape = outputShape;
        this.steps = List.copyOf(steps);
    }

    /**
     * The graph of {@code net}, whose input shape is read from its first layer: works for networks
     * taking rows of features (flat images included); for images, use {@link #of(MultiLayerNetwork, LabeledDataset)}.
     */
    public static InferenceGraph of(MultiLayerNetwork net) {
        return of(net, inputTypeOf(net));
    }

    /** The graph of {@code net} for inputs shaped like the examples of {@code data}. */
    public static InferenceGraph of(MultiLayerNetwork net, LabeledDataset data) {
        long[] shape = data.exampleShape();
        return switch (shape.length) {
            case 1 -> of(net, net.getLayerWiseConfigurations().getInputPreProcess(0) instanceof FeedForwardToCnnPreProcessor
                    ? inputTypeOf(net) : InputType.feedForward(shape[0]));
            case 3 -> of(net, InputType.convolutional(shape[1], shape[2], shape[0]));
            default -> throw new IllegalArgumentException("Examples shaped " + Arrays.toString(shape)
                    + " are neither rows of features nor [channels, height, width] images");
        };
    }

    /** The graph of {@code net} for inputs of {@code inputType}: needed when the first layer is a convolution without a reshape before it. */
    public static InferenceGraph of(MultiLayerNetwork net, InputType inputType) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        List<InputType> layerOutputs = conf.getLayerActivationTypes(inputType);
        LayerTranslator translator = new LayerTranslator();
        List<InferenceStep> steps = new ArrayList<>();
        InputType type = inputType;
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer layer = conf.getConf(i).getLayer();
            String name = LayerTranslator.describe(i, layer);
            InputPreProcessor preProcessor = conf.getInputPreProcess(i);
            if (preProcessor != null) {
                steps.addAll(translator.preProcessor(name, preProcessor, type));
                type = preProcessor.getOutputType(type);
            }
            steps.addAll(translator.layer(name, layer, net.getLayer(i).paramTable(), type));
            type = layerOutputs.get(i);
        }
        return new InferenceGraph(shapeOf(inputType), shapeOf(type), steps);
    }

    /** The shape of one input example, without the batch axis: [784] for flat images, [c, h, w] for NCHW ones. */
    public long[] inputShape() {
        return inputShape.clone();
    }

    /** The shape of one output example, without the batch axis. */
    public long[] outputShape() {
        return outputShape.clone();
    }

    public List<InferenceStep> steps() {
        return steps;
    }

    private static InputType inputTypeOf(MultiLayerNetwork net) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        if (conf.getInputPreProcess(0) instanceof FeedForwardToCnnPreProcessor images) {
            return InputType.convolutionalFlat(images.getInputHeight(), images.getInputWidth(), images.getNumChannels());
        }
        Layer first = conf.getConf(0).getLayer();
        if (LayerTranslator.isPlainFeedForward(first)) {
            return InputType.feedForward(((FeedForwardLayer) first).getNIn());
        }
        throw new IllegalArgumentException("Cannot tell the input shape of a network starting with " + LayerTranslator.describe(0, first)
                + "; give it through the data, InferenceGraph.of(net, testData), or InferenceGraph.of(net, InputType.convolutional(height, width, channels))");
    }

    private static long[] shapeOf(InputType type) {
        long[] withBatch = type.getShape(true);
        return Arrays.copyOfRange(withBatch, 1, withBatch.length);
    }
}
