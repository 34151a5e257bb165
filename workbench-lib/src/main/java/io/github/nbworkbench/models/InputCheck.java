package io.github.nbworkbench.models;

import java.util.Arrays;
import java.util.function.Predicate;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Tells, before training, whether a model accepts a batch of data, and if not, what is wrong and how
 * to fix it. It runs the model on the batch's first example and compares the label columns with the
 * model's outputs:
 *
 * <pre>{@code
 * InputCheck.verify(net, trainIterator.next());
 * // IllegalArgumentException: the model does not accept these features: the data gives [?, 784]
 * // (flat rows), the model takes images [?, 1, 28, 28] (NCHW) ... Fix: ...
 * }</pre>
 */
public final class InputCheck {

    private InputCheck() {
    }

    /**
     * Checks that {@code model} (a {@link MultiLayerNetwork} or single-input {@link ComputationGraph},
     * initialized) takes {@code sample}'s features and that its outputs match the label columns.
     *
     * @throws IllegalArgumentException naming the data's shape, the model's expected shape and the fix
     */
    public static void verify(Model model, DataSet sample) {
        if (sample.getFeatures() == null || sample.getFeatures().size(0) == 0) {
            throw new IllegalArgumentException("the sample batch has no examples to check the model with");
        }
        INDArray first = sample.getFeatures().get(NDArrayIndex.interval(0, 1)).dup();
        if (model instanceof MultiLayerNetwork network) {
            verifyNetwork(network, sample, first);
        } else if (model instanceof ComputationGraph graph) {
            verifyGraph(graph, sample, first);
        } else {
            throw new IllegalArgumentException("cannot check a " + model.getClass().getName()
                    + ": only MultiLayerNetwork and ComputationGraph are supported");
        }
    }

    private static void verifyNetwork(MultiLayerNetwork network, DataSet sample, INDArray first) {
        if (network.getLayers() == null) {
            throw new IllegalArgumentException("the network is not initialized: call network.init() first");
        }
        INDArray output;
        try {
            output = network.output(first);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(featureProblem(network, sample.getFeatures(), e), e);
        }
        checkLabels(output, sample.getLabels());
    }

    private static void verifyGraph(ComputationGraph graph, DataSet sample, INDArray first) {
        if (graph.getNumInputArrays() != 1 || graph.getNumOutputArrays() != 1) {
            throw new IllegalArgumentException("the graph has " + graph.getNumInputArrays() + " inputs and "
                    + graph.getNumOutputArrays() + " outputs; a DataSet feeds exactly one of each (use a MultiDataSet)");
        }
        INDArray output;
        try {
            output = graph.outputSingle(first);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the graph does not accept these features: the data gives "
                    + shape(sample.getFeatures()) + "; DL4J says: " + e.getMessage()
                    + "\nFix: compare with graph.summary() and the input type given to setInputTypes(...)", e);
        }
        checkLabels(output, sample.getLabels());
    }

    private static void checkLabels(INDArray output, INDArray labels) {
        if (labels.rank() != output.rank() || labels.size(1) != output.size(1)) {
            throw new IllegalArgumentException("the labels do not match the model's output: the data gives labels " + shape(labels)
                    + ", the model outputs " + shape(output) + ".\nFix: build the model for " + labels.size(1)
                    + " classes (outputs), or check that the labels are one-hot over the same class list");
        }
    }

    /** Explains why {@code network} rejected {@code features}, from what its first layer takes. */
    private static String featureProblem(MultiLayerNetwork network, INDArray features, RuntimeException cause) {
        Layer firstLayer = network.getLayerWiseConfigurations().getConf(0).getLayer();
        InputPreProcessor preProcessor = network.getLayerWiseConfigurations().getInputPreProcess(0);
        String layerName = firstLayer.getClass().getSimpleName();
        String problem = "the model does not accept these features: the data gives " + shape(features);
        if (preProcessor instanceof FeedForwardToCnnPreProcessor flat) {
            ImageShape image = new ImageShape((int) flat.getInputHeight(), (int) flat.getInputWidth(), (int) flat.getNumChannels());
            return problem + ", the model takes flat image rows [?, " + image.size() + "] (" + image + " images, "
                    + "InputType.convolutionalFlat) or [?, " + image.channels() + ", " + image.height() + ", " + image.width() + "].\nFix: "
                    + "give images of " + image + ", or rebuild the model for the data's shape (Cnns.classic().buildFor(data))."
                    + dl4jSays(cause);
        }
        if (firstLayer instanceof ConvolutionLayer conv && !(firstLayer instanceof Convolution1DLayer)) {
            return problem + imagesExpected(features, conv.getNIn(), candidate -> accepts(network, candidate)) + dl4jSays(cause);
        }
        if (firstLayer instanceof BaseRecurrentLayer recurrent) {
            return problem + ", the model (first layer " + layerName + ") takes sequences [?, " + recurrent.getNIn()
                    + ", timeSteps].\nFix: shape the features as [examples, " + recurrent.getNIn() + " features, time steps]."
                    + dl4jSays(cause);
        }
        if (firstLayer instanceof FeedForwardLayer dense) {
            long perExample = features.length() / features.size(0);
            String fix = features.rank() > 2 && perExample == dense.getNIn()
                    ? "flatten the data to [N, " + perExample + "] (LabeledDataset.flat() or features.reshape(n, " + perExample + "))"
                    : "rebuild the model with nIn(" + perExample + ") for the first layer, or choose the feature columns it was built for";
            return problem + ", the model (first layer " + layerName + ") takes [?, " + dense.getNIn() + "].\nFix: " + fix + "."
                    + dl4jSays(cause);
        }
        return problem + ", which the model (first layer " + layerName + ") rejects.\nFix: compare with network.summary()."
                + dl4jSays(cause);
    }

    /**
     * What a convolutional network taking {@code channels} channels wants instead of {@code features};
     * a guessed image shape is named only when {@code accepts} confirms it on the first example.
     */
    private static String imagesExpected(INDArray features, long channels, Predicate<INDArray> accepts) {
        long[] shape = features.shape();
        INDArray first = features.get(NDArrayIndex.interval(0, 1));
        String takes = ", the model (a convolutional network) takes images [?, " + channels + ", height, width] (NCHW)";
        if (shape.length == 2) {
            long perChannel = shape[1] / channels;
            int side = (int) Math.round(Math.sqrt(perChannel));
            if (shape[1] % channels == 0 && (long) side * side == perChannel && accepts.test(first.reshape(1, channels, side, side))) {
                return ", flat rows; the model (a convolutional network) takes images [?, " + channels + ", " + side + ", " + side
                        + "] (NCHW).\nFix: reshape the data to [N, " + channels + ", " + side + ", " + side + "] (LabeledDataset.asImages("
                        + channels + ", " + side + ", " + side + ") or features.reshape(n, " + channels + ", " + side + ", " + side
                        + ")), or build the network with .setInputType(InputType.convolutionalFlat(" + side + ", " + side + ", " + channels
                        + ")) (Cnns.classic().flatInput()) so that it takes flat rows.";
            }
            return ", flat rows" + takes + ".\nFix: reshape each row into an image [channels, height, width] of the size the model"
                    + " was built for (LabeledDataset.asImages), or rebuild the model for the data (Cnns.classic().buildFor(data)).";
        }
        if (shape.length == 4 && shape[1] != channels && shape[3] == channels) {
            String nchw = "[" + shape[3] + ", " + shape[1] + ", " + shape[2] + "]";
            String accepted = accepts.test(first.permute(0, 3, 1, 2).dup()) ? ", the model takes [?, " + nchw.substring(1) : takes;
            return accepted + "; the data looks channels-last (NHWC).\nFix: features.permute(0, 3, 1, 2) to get [N, " + nchw.substring(1) + ".";
        }
        if (shape.length == 4 && shape[1] != channels) {
            return takes + "; the data has " + shape[1] + " channels.\nFix: rebuild the model for "
                    + new ImageShape((int) shape[2], (int) shape[3], (int) shape[1]) + " images (Cnns.classic().buildFor(data)).";
        }
        if (shape.length == 4) {
            return takes + ", but of another size than " + shape[2] + "x" + shape[3] + ".\nFix: rebuild the model with "
                    + ".setInputType(InputType.convolutional(" + shape[2] + ", " + shape[3] + ", " + shape[1]
                    + ")) (Cnns.classic().buildFor(data)), or resize the images.";
        }
        return takes + ".\nFix: give the features as [N, channels, height, width].";
    }

    private static boolean accepts(MultiLayerNetwork network, INDArray candidate) {
        try {
            network.output(candidate);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String dl4jSays(RuntimeException cause) {
        return "\n(DL4J: " + cause.getMessage() + ")";
    }

    /** A batch shape with its first dimension as {@code ?}: {@code [?, 1, 28, 28]}. */
    private static String shape(INDArray array) {
        long[] shape = array.shape();
        String[] parts = new String[shape.length];
        for (int i = 0; i < shape.length; i++) {
            parts[i] = i == 0 ? "?" : Long.toString(shape[i]);
        }
        return Arrays.toString(parts);
    }
}
