package io.github.nbworkbench.models;

import io.github.nbworkbench.data.LabeledDataset;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Settings of a network from {@link Mlps}: hidden dense layers, each [dense - (batch norm) -
 * activation - (dropout)], then the output layer. Ends with {@code build} or
 * {@code configuration}.
 */
public final class MlpBuilder {

    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    public static final long DEFAULT_SEED = 42;
    static final int[] DEFAULT_HIDDEN_SIZES = {64, 64};
    private static final String CLASSIFIER = "Mlps.classifier()";
    private static final String REGRESSOR = "Mlps.regressor()";

    private final OutputHead head;
    private int[] hiddenSizes = DEFAULT_HIDDEN_SIZES.clone();
    private Activation activation = Activation.RELU;
    private double dropout;
    private double l2;
    private boolean batchNorm;
    private double learningRate = DEFAULT_LEARNING_RATE;
    private long seed = DEFAULT_SEED;

    MlpBuilder(OutputHead head) {
        this.head = head;
    }

    /** Units of each hidden layer, input side first; none gives a linear (softmax or least-squares) model. Default 64, 64. */
    public MlpBuilder hiddenSizes(int... sizes) {
        for (int size : sizes) {
            if (size < 1) {
                throw new IllegalArgumentException("hidden layer sizes must be 1 or more, got " + Arrays.toString(sizes));
            }
        }
        this.hiddenSizes = sizes.clone();
        return this;
    }

    /** The hidden layers' activation; default ReLU. */
    public MlpBuilder activation(Activation activation) {
        this.activation = activation;
        return this;
    }

    /** The share of each hidden layer's activations dropped during training (0 = none), in [0, 1), as Keras' rate. */
    public MlpBuilder dropout(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout is the share of activations dropped, in [0, 1); got " + rate);
        }
        this.dropout = rate;
        return this;
    }

    /** L2 weight penalty (0 = none). */
    public MlpBuilder l2(double l2) {
        if (!(l2 >= 0)) {
            throw new IllegalArgumentException("the L2 penalty must be 0 or more, got " + l2);
        }
        this.l2 = l2;
        return this;
    }

    /** Batch normalization between each hidden dense layer and its activation. */
    public MlpBuilder batchNorm() {
        this.batchNorm = true;
        return this;
    }

    /** Adam's learning rate. */
    public MlpBuilder learningRate(double learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("the learning rate must be positive, got " + learningRate);
        }
        this.learningRate = learningRate;
        return this;
    }

    /** The seed of the initial weights (and of dropout). */
    public MlpBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * The configuration for {@code inputs} input values and {@code outputs} classes (classifier) or
     * target columns (regressor), for inspection or changes before {@code new MultiLayerNetwork(conf)}.
     */
    public MultiLayerConfiguration configuration(int inputs, int outputs) {
        return configuration(InputType.feedForward(inputs), outputs);
    }

    private MultiLayerConfiguration configuration(InputType input, int outputs) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(activation == Activation.RELU || activation == Activation.LEAKYRELU ? WeightInit.RELU : WeightInit.XAVIER);
        if (l2 > 0) {
            base.l2(l2);
        }
        NeuralNetConfiguration.ListBuilder layers = base.list();
        for (int size : hiddenSizes) {
            if (batchNorm) {
                layers.layer(new DenseLayer.Builder().nOut(size).activation(Activation.IDENTITY).build())
                        .layer(new BatchNormalization.Builder().build())
                        .layer(new ActivationLayer(activation));
            } else {
                layers.layer(new DenseLayer.Builder().nOut(size).activation(activation).build());
            }
            if (dropout > 0) {
                layers.layer(new DropoutLayer.Builder(1 - dropout).build());
            }
        }
        layers.layer(head.layer(outputs));
        return layers.setInputType(input).build();
    }

    /** An initialized network for {@code inputs} input values and {@code outputs} classes or target columns. */
    public MultiLayerNetwork build(int inputs, int outputs) {
        return Networks.initialized(configuration(inputs, outputs));
    }

    /**
     * An initialized network sized for {@code data}: inputs from its features (images {@code [N, C, H, W]}
     * are flattened), outputs from its classes (classifier) or target columns (regressor).
     */
    public MultiLayerNetwork build(LabeledDataset data) {
        return Networks.initialized(configuration(inputType(data.features()), head.outputsFor(data, CLASSIFIER, REGRESSOR)));
    }

    /** An initialized network sized for a batch: inputs from its features, outputs from its label columns. */
    public MultiLayerNetwork build(DataSet sample) {
        return Networks.initialized(configuration(inputType(sample.getFeatures()), head.outputsFor(sample, CLASSIFIER, REGRESSOR)));
    }

    private static InputType inputType(INDArray features) {
        long[] shape = features.shape();
        if (shape.length == 2) {
            return InputType.feedForward(shape[1]);
        }
        if (shape.length == 4) {
            return InputType.convolutional(shape[2], shape[3], shape[1]);
        }
        throw new IllegalArgumentException("an MLP takes one row of values per example [N, features] or images [N, C, H, W];"
                + " the features are " + Arrays.toString(shape) + ". Flatten them first (LabeledDataset.flat())");
    }

}
