package io.github.nbworkbench.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Transfer learning: a copy of a trained network, with a new output layer for other classes and the
 * first layers frozen (their parameters never change in training), ready to train on the new data.
 *
 * <pre>{@code
 * MultiLayerNetwork digits = Cnns.classic(mnist.train());        // pretrained on MNIST
 * Trainer.of(digits).epochs(2).fit(mnist.train().batchSize(64).iterator());
 * MultiLayerNetwork clothes = FineTuning.of(digits)
 *         .freezeThrough(1)          // conv and pool keep MNIST's features; dense and output train
 *         .newOutput(10)             // a fresh softmax for Fashion-MNIST's 10 classes
 *         .learningRate(1e-3)
 *         .network();
 * }</pre>
 *
 * Without {@link #freezeThrough} every layer trains, starting from the pretrained weights; without
 * {@link #newOutput} the output layer is kept, weights and all. The pretrained network is never
 * changed. Built on DL4J's {@code TransferLearning} and {@code FineTuneConfiguration}.
 */
public final class FineTuning {

    /** No layer frozen. */
    private static final int NONE = -1;

    private final MultiLayerNetwork pretrained;
    private int lastFrozen = NONE;
    private int newClasses;
    private Double learningRate;
    private Long seed;

    private FineTuning(MultiLayerNetwork pretrained) {
        this.pretrained = pretrained;
    }

    /**
     * Starts from {@code pretrained}, a trained (at least initialised) network.
     *
     * @throws IllegalArgumentException when the network is not initialised
     */
    public static FineTuning of(MultiLayerNetwork pretrained) {
        Objects.requireNonNull(pretrained, "pretrained");
        if (!pretrained.isInitCalled()) {
            throw new IllegalArgumentException("The network to fine-tune is not initialised: it has no parameters yet."
                    + " Call network.init() and train it first (a network from Cnns, Mlps or Rnns is initialised already).");
        }
        return new FineTuning(pretrained);
    }

    /**
     * Freezes layers 0 to {@code layerIndex} (inclusive): they keep their pretrained parameters and
     * act as a fixed feature extractor. The output layer cannot be frozen.
     *
     * @throws IllegalArgumentException when {@code layerIndex} is not a layer below the output layer
     */
    public FineTuning freezeThrough(int layerIndex) {
        int outputIndex = outputIndex();
        if (layerIndex < 0 || layerIndex >= outputIndex) {
            throw new IllegalArgumentException("Cannot freeze through layer " + layerIndex + ": this network's layers are "
                    + describeLayers() + "; freeze through one of 0.." + (outputIndex - 1)
                    + " (the output layer, " + outputIndex + ", always trains). To freeze nothing, leave freezeThrough out.");
        }
        this.lastFrozen = layerIndex;
        return this;
    }

    /**
     * Freezes the layers up to and including the one named {@code layerName} (see {@link #freezeThrough(int)}).
     *
     * @throws IllegalArgumentException when no layer has that name
     */
    public FineTuning freezeThrough(String layerName) {
        Objects.requireNonNull(layerName, "layerName");
        for (int i = 0; i < layerCount(); i++) {
            if (layerName.equals(layer(i).getLayerName())) {
                return freezeThrough(i);
            }
        }
        throw new IllegalArgumentException("No layer is named '" + layerName + "'; this network's layers are " + describeLayers());
    }

    /**
     * Replaces the output layer by a freshly initialised one with {@code classes} outputs (same
     * activation and loss), for a task with other classes than the pretrained one.
     */
    public FineTuning newOutput(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("The new output layer needs 2 classes or more, got " + classes);
        }
        this.newClasses = classes;
        return this;
    }

    /** Trains the layers that are not frozen with Adam at {@code learningRate} (default: the pretrained network's updater and rate). */
    public FineTuning learningRate(double learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("The learning rate must be positive, got " + learningRate);
        }
        this.learningRate = learningRate;
        return this;
    }

    /**
     * The seed of the new output layer's initial weights and of dropout (default: the pretrained
     * network's), so that {@link #network()} builds the same network every time.
     */
    public FineTuning seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The network to train: a new, initialised copy; the pretrained network is unchanged. */
    public MultiLayerNetwork network() {
        FineTuneConfiguration.Builder fineTune = new FineTuneConfiguration.Builder();
        if (learningRate != null) {
            fineTune.updater(new Adam(learningRate));
        }
        if (seed != null) {
            fineTune.seed(seed);
        }
        // a clone, so that training the result can never write into the pretrained network's parameters
        TransferLearning.Builder builder = new TransferLearning.Builder(pretrained.clone()).fineTuneConfiguration(fineTune.build());
        if (lastFrozen != NONE) {
            builder.setFeatureExtractor(lastFrozen);
        }
        if (newClasses > 0) {
            builder.nOutReplace(outputIndex(), newClasses, WeightInit.XAVIER);
        }
        // DL4J draws the new output layer's weights from ND4J's global generator, which the
        // fine-tune configuration's seed does not reach
        Nd4j.getRandom().setSeed(seed != null ? seed : pretrained.getLayerWiseConfigurations().getConf(0).getSeed());
        return builder.build();
    }

    private int layerCount() {
        return pretrained.getnLayers();
    }

    private int outputIndex() {
        return layerCount() - 1;
    }

    private Layer layer(int index) {
        return pretrained.getLayerWiseConfigurations().getConf(index).getLayer();
    }

    /** e.g. {@code [0 '0' ConvolutionLayer, 1 '1' SubsamplingLayer, ...]}. */
    private String describeLayers() {
        List<String> layers = new ArrayList<>();
        for (int i = 0; i < layerCount(); i++) {
            layers.add(i + " '" + layer(i).getLayerName() + "' " + layer(i).getClass().getSimpleName());
        }
        return layers.toString();
    }
}
