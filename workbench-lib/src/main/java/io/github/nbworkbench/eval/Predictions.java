package io.github.nbworkbench.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A classifier's outputs for a set of examples, with the true labels: the input of
 * {@link ClassificationReport}, {@link ConfusionMatrix} and {@link TopLosses}.
 *
 * <p>Run the model once, then build all three from the same predictions:
 * <pre>{@code
 * Predictions p = Predictions.of(model, testData);
 * ClassificationReport.of(p).table();
 * ConfusionMatrix.of(p).table();
 * TopLosses.of(p, 16).table();
 * }</pre>
 */
public final class Predictions {

    private final INDArray probabilities;
    private final INDArray labels;
    private final List<String> classNames;

    private Predictions(INDArray probabilities, INDArray labels, List<String> classNames) {
        this.probabilities = probabilities;
        this.labels = labels;
        this.classNames = classNames;
    }

    /**
     * Predictions from arrays already computed.
     *
     * @param probabilities the model's outputs, shape [N, classes] (softmax probabilities)
     * @param labels        the true labels, one-hot, shape [N, classes]
     * @param classNames    one name per class, in index order
     */
    public static Predictions of(INDArray probabilities, INDArray labels, List<String> classNames) {
        checkShapes(probabilities, labels);
        return new Predictions(probabilities, labels, ClassNames.checked(classNames, (int) labels.size(1)));
    }

    /** As {@link #of(INDArray, INDArray, List)}, with the classes named "0", "1", ... */
    public static Predictions of(INDArray probabilities, INDArray labels) {
        return of(probabilities, labels, null);
    }

    /**
     * Runs the network over every batch of {@code data} (in inference mode) and keeps its outputs.
     * The iterator is reset first when it supports reset. Class names come from
     * {@link DataSetIterator#getLabels()}, or are "0", "1", ... when it has none.
     */
    public static Predictions of(MultiLayerNetwork model, DataSetIterator data) {
        return of(model, data, data.getLabels());
    }

    /** As {@link #of(MultiLayerNetwork, DataSetIterator)}, with the given class names. */
    public static Predictions of(MultiLayerNetwork model, DataSetIterator data, List<String> classNames) {
        return collect(features -> model.output(features, false), data, classNames);
    }

    /** As {@link #of(MultiLayerNetwork, DataSetIterator)}, for a graph with one input and one output. */
    public static Predictions of(ComputationGraph model, DataSetIterator data) {
        return of(model, data, data.getLabels());
    }

    /** As {@link #of(ComputationGraph, DataSetIterator)}, with the given class names. */
    public static Predictions of(ComputationGraph model, DataSetIterator data, List<String> classNames) {
        return collect(features -> model.outputSingle(false, features), data, classNames);
    }

    private static Predictions collect(UnaryOperator<INDArray> model, DataSetIterator data, List<String> classNames) {
        if (data.resetSupported()) {
            data.reset();
        }
        List<INDArray> outputs = new ArrayList<>();
        List<INDArray> labels = new ArrayList<>();
        while (data.hasNext()) {
            DataSet batch = data.next();
            outputs.add(model.apply(batch.getFeatures()));
            labels.add(batch.getLabels());
        }
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("The DataSetIterator gave no batches; nothing to predict.");
        }
        return of(Nd4j.vstack(outputs), Nd4j.vstack(labels), classNames);
    }

    private static void checkShapes(INDArray probabilities, INDArray labels) {
        if (probabilities.rank() != 2 || labels.rank() != 2) {
            throw new IllegalArgumentException("Expected probabilities and labels of shape [examples, classes], got "
                    + Arrays.toString(probabilities.shape()) + " and " + Arrays.toString(labels.shape())
                    + ". Time-series outputs [N, classes, time] are not supported here.");
        }
        if (!Arrays.equals(probabilities.shape(), labels.shape())) {
            throw new IllegalArgumentException("Probabilities " + Arrays.toString(probabilities.shape())
                    + " and labels " + Arrays.toString(labels.shape()) + " must have the same shape"
                    + " (labels one-hot, one column per class).");
        }
    }

    /** The model's outputs, shape [N, classes]. */
    public INDArray probabilities() {
        return probabilities;
    }

    /** The true labels, one-hot, shape [N, classes]. */
    public INDArray labels() {
        return labels;
    }

    /** One name per class, in index order. */
    public List<String> classNames() {
        return classNames;
    }

    /** The number of examples. */
    public int size() {
        return (int) labels.size(0);
    }

    /** The number of classes. */
    public int numClasses() {
        return classNames.size();
    }

    /** The true class of each example: the index of its label's largest entry. */
    public int[] actual() {
        return labels.argMax(1).toIntVector();
    }

    /** The predicted class of each example: the index of its largest probability. */
    public int[] predicted() {
        return probabilities.argMax(1).toIntVector();
    }
}
