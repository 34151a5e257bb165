package io.github.nbworkbench.models;

import io.github.nbworkbench.data.LabeledDataset;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

/** Settings of a network from {@link Cnns}; ends with {@code build}, {@code buildFor} or {@code configuration}. */
public final class CnnBuilder {

    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    public static final long DEFAULT_SEED = 42;

    private final CnnArchitecture architecture;
    private double learningRate = DEFAULT_LEARNING_RATE;
    private long seed = DEFAULT_SEED;
    private boolean flatInput;

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

    /** The configuration, for inspection or changes before {@code new MultiLayerNetwork(conf)}. */
    public MultiLayerConfiguration configuration(ImageShape shape, int numClasses) {
        return configuration(shape, numClasses, flatInput);
    }

    private MultiLayerConfiguration configuration(ImageShape shape, int numClasses, boolean flat) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("a classifier needs 2 classes or more, got " + numClasses);
        }
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .list();
        architecture.addLayers(layers, numClasses);
        return layers.setInputType(flat ? shape.flatInputType() : shape.inputType()).build();
    }

    /** An initialized network for images of {@code shape} and {@code numClasses} classes. */
    public MultiLayerNetwork build(ImageShape shape, int numClasses) {
        return initialized(configuration(shape, numClasses));
    }

    /**
     * An initialized network sized for {@code data}: image shape from its features (flat rows make a
     * network with flat input), classes from its class names.
     */
    public MultiLayerNetwork buildFor(LabeledDataset data) {
        return buildFor(data.features(), data.numClasses());
    }

    /** An initialized network sized for a batch: image shape from its features, classes from its label columns. */
    public MultiLayerNetwork buildFor(DataSet sample) {
        return buildFor(sample.getFeatures(), (int) sample.getLabels().size(1));
    }

    private MultiLayerNetwork buildFor(INDArray features, int numClasses) {
        return initialized(configuration(ImageShape.of(features), numClasses, flatInput || features.rank() == 2));
    }

    private static MultiLayerNetwork initialized(MultiLayerConfiguration configuration) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }
}
