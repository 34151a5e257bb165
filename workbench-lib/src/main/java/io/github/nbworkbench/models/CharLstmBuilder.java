package io.github.nbworkbench.models;

import io.github.nbworkbench.layers.FusedLstm;
import io.github.nbworkbench.text.Vocabulary;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Settings of a character (or word) LSTM from {@link Rnns#charLstm()}; ends with {@code build} or {@code configuration}. */
public final class CharLstmBuilder {

    public static final int DEFAULT_HIDDEN_SIZE = 256;
    public static final double DEFAULT_LEARNING_RATE = 2e-3;
    /** Gradients are clipped to this L2 norm per layer, the usual guard against exploding LSTM gradients. */
    public static final double GRADIENT_CLIP_NORM = 5.0;
    public static final long DEFAULT_SEED = 42;

    private int layers = 1;
    private int hiddenSize = DEFAULT_HIDDEN_SIZE;
    private double dropout;
    private double learningRate = DEFAULT_LEARNING_RATE;
    private int truncatedBptt;
    private long seed = DEFAULT_SEED;
    private boolean fused = true;

    CharLstmBuilder() {
    }

    /** The number of stacked LSTM layers. */
    public CharLstmBuilder layers(int layers) {
        if (layers < 1) {
            throw new IllegalArgumentException("A char-LSTM needs 1 LSTM layer or more, got " + layers);
        }
        this.layers = layers;
        return this;
    }

    /** Units in each LSTM layer. */
    public CharLstmBuilder hiddenSize(int hiddenSize) {
        if (hiddenSize < 1) {
            throw new IllegalArgumentException("The hidden size must be 1 or more, got " + hiddenSize);
        }
        this.hiddenSize = hiddenSize;
        return this;
    }

    /** The share of activations dropped between layers during training (0 = none), in [0, 1). */
    public CharLstmBuilder dropout(double dropout) {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("Dropout is the share of activations dropped, in [0, 1); got " + dropout);
        }
        this.dropout = dropout;
        return this;
    }

    /** Adam's learning rate. */
    public CharLstmBuilder learningRate(double learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("The learning rate must be positive, got " + learningRate);
        }
        this.learningRate = learningRate;
        return this;
    }

    /**
     * Trains sequences in segments of {@code steps} time steps (truncated backpropagation through
     * time), carrying the state from one segment to the next: long windows at the cost of short
     * ones. 0 (the default) backpropagates through whole windows.
     */
    public CharLstmBuilder truncatedBptt(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("The truncated-BPTT length must be 0 (off) or more, got " + steps);
        }
        this.truncatedBptt = steps;
        return this;
    }

    /** The seed of the initial weights and of dropout. */
    public CharLstmBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Whether the LSTM layers are {@link FusedLstm} (the default: DL4J's LSTM with the same
     * parameters and results, computed in fewer and larger operations, about twice as fast to train
     * here) or DL4J's own {@code LSTM}, for comparison.
     */
    public CharLstmBuilder fused(boolean fused) {
        this.fused = fused;
        return this;
    }

    /** The fused layer; the first one computes no gradient for the one-hot input, which nothing uses. */
    private static FusedLstm fusedLayer(LSTM lstm, int index) {
        FusedLstm fused = FusedLstm.of(lstm);
        return index == 0 ? fused.withoutInputGradient() : fused;
    }

    /** The configuration for {@code vocabularySize} one-hot tokens, for inspection or changes. */
    public MultiLayerConfiguration configuration(int vocabularySize) {
        if (vocabularySize < 2) {
            throw new IllegalArgumentException("A vocabulary needs 2 ids or more, got " + vocabularySize);
        }
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                .gradientNormalization(GradientNormalization.ClipL2PerLayer)
                .gradientNormalizationThreshold(GRADIENT_CLIP_NORM)
                .list();
        for (int i = 0; i < layers; i++) {
            LSTM.Builder lstm = new LSTM.Builder().nOut(hiddenSize).activation(Activation.TANH);
            if (i > 0 && dropout > 0) {
                lstm.dropOut(new Dropout(1 - dropout));
            }
            list.layer(fused ? fusedLayer(lstm.build(), i) : lstm.build());
        }
        RnnOutputLayer.Builder output = new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .activation(Activation.SOFTMAX).nOut(vocabularySize);
        if (dropout > 0) {
            output.dropOut(new Dropout(1 - dropout));
        }
        list.layer(output.build()).setInputType(InputType.recurrent(vocabularySize));
        if (truncatedBptt > 0) {
            list.backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(truncatedBptt).tBPTTBackwardLength(truncatedBptt);
        }
        return list.build();
    }

    /** An initialized network for {@code vocabulary}. */
    public MultiLayerNetwork build(Vocabulary vocabulary) {
        return build(vocabulary.size());
    }

    /** An initialized network for {@code vocabularySize} one-hot tokens. */
    public MultiLayerNetwork build(int vocabularySize) {
        return Networks.initialized(configuration(vocabularySize));
    }
}
