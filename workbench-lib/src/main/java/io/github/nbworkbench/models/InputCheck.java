package io.github.nbworkbench.models;

import java.util.Arrays;
import java.util.Optional;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
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
        String layerName = firstLayer.getClass().getSimpleName();
        String problem = "the model does not accept these features: the data gives " + shape(features);
        Optional<String> images = ConvInputAdvice.forShape(network, features.shape());
        if (images.isPresent()) {
            return problem + ".\n" + images.get() + dl4jSays(cause);
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
                    : "rebuild the model for the data (Mlps.classifier(data) sizes it from the data; by hand: nIn(" + perExample
                            + ") on the first layer), or choose the feature columns it was built for";
            return problem + ", the model (first layer " + layerName + ") takes [?, " + dense.getNIn() + "].\nFix: " + fix + "."
                    + dl4jSays(cause);
        }
        return problem + ", which the model (first layer " + layerName + ") rejects.\nFix: compare with network.summary()."
                + dl4jSays(cause);
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
