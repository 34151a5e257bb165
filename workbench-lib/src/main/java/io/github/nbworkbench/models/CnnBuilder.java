package io.github.nbworkbench.models;

import io.github.nbworkbench.data.LabeledDataset;
import java.util.Locale;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

/** Settings of a network from {@link Cnns}; ends with {@code build} or {@code configuration}. */
public final class CnnBuilder {

    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    public static final long DEFAULT_SEED = 42;

    private final CnnArchitecture architecture;
    private double learningRate = DEFAULT_LEARNING_RATE;
    private long seed = DEFAULT_SEED;
    private boolean flatInput;
    private OutputHead head = OutputHead.CLASSES;

    CnnBuilder(CnnArchitecture architecture) {
        this.architecture = architecture;
    }

    /** Adam's learning rate. */
    public CnnBuilder learningRate(double learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("the learning rate must be positive, got " + learningRate);
        }
        this.learningRate = learningRate;
        return this;
    }

    /** The seed of the initial weights (and of dropout). */
    public CnnBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Takes each image as a flat row {@code [N, C*H*W]} instead of {@code [N, C, H, W]}. */
    public CnnBuilder flatInput() {
        this.flatInput = true;
        return this;
    }

    /**
     * Predicts continuous targets instead of classes: the softmax output becomes an identity layer with
     * one unit per target column, trained on mean squared error.
     */
    public CnnBuilder regression() {
        this.head = OutputHead.TARGETS;
        return this;
    }

    /**
     * The configuration, for inspection or changes before {@code new MultiLayerNetwork(conf)};
     * {@code outputs} is the number of classes, or of target columns after {@link #regression()}.
     */
    public MultiLayerConfiguration configuration(ImageShape shape, int outputs) {
        return configuration(shape, outputs, flatInput);
    }

    private MultiLayerConfiguration configuration(ImageShape shape, int outputs, boolean flat) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .cacheMode(architecture.cacheMode)
                .list();
        architecture.addLayers(layers, head.layer(outputs), flat);
        return layers.setInputType(flat ? shape.flatInputType() : shape.inputType()).build();
    }

    /** An initialized network for images of {@code shape} and {@code outputs} classes (or target columns after {@link #regression()}). */
    public MultiLayerNetwork build(ImageShape shape, int outputs) {
        return Networks.initialized(configuration(shape, outputs));
    }

    /**
     * An initialized network sized for {@code data}: image shape from its features (flat rows make a
     * network with flat input), classes from its class names (target columns after {@link #regression()}).
     */
    public MultiLayerNetwork build(LabeledDataset data) {
        return sizedFor(data.features(), head.outputsFor(data, name(), name() + ".regression()"));
    }

    /** An initialized network sized for a batch: image shape from its features, classes (or targets) from its label columns. */
    public MultiLayerNetwork build(DataSet sample) {
        return sizedFor(sample.getFeatures(), head.outputsFor(sample, name(), name() + ".regression()"));
    }

    /** How the user called this builder: {@code Cnns.classic()}. */
    private String name() {
        return "Cnns." + architecture.name().toLowerCase(Locale.ROOT) + "()";
    }

    private MultiLayerNetwork sizedFor(INDArray features, int outputs) {
        return Networks.initialized(configuration(ImageShape.of(features), outputs, flatInput || features.rank() == 2));
    }

}
