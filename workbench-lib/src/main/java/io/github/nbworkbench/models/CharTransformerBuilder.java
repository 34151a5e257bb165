package io.github.nbworkbench.models;

import io.github.nbworkbench.text.Vocabulary;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Settings of a character Transformer from {@link Transformers#charTransformer()}; ends with {@code build} or {@code configuration}. */
public final class CharTransformerBuilder {

    public static final int DEFAULT_MODEL_SIZE = 64;
    public static final int DEFAULT_HEADS = 4;
    public static final int DEFAULT_BLOCKS = 2;
    public static final int DEFAULT_CONTEXT = 4;
    public static final double DEFAULT_LEARNING_RATE = 2e-3;
    public static final long DEFAULT_SEED = 42;

    private int modelSize = DEFAULT_MODEL_SIZE;
    private int heads = DEFAULT_HEADS;
    private int blocks = DEFAULT_BLOCKS;
    private int context = DEFAULT_CONTEXT;
    private double learningRate = DEFAULT_LEARNING_RATE;
    private long seed = DEFAULT_SEED;

    CharTransformerBuilder() {
    }

    /** Channels of every position's vector, a multiple of the number of heads. */
    public CharTransformerBuilder modelSize(int modelSize) {
        if (modelSize < 1) {
            throw new IllegalArgumentException("The model size must be 1 or more, got " + modelSize);
        }
        this.modelSize = modelSize;
        return this;
    }

    /** Attention heads per block; the model size must be a multiple of it. */
    public CharTransformerBuilder heads(int heads) {
        if (heads < 1) {
            throw new IllegalArgumentException("A block needs 1 attention head or more, got " + heads);
        }
        this.heads = heads;
        return this;
    }

    /** The number of stacked {@link CausalSelfAttention} blocks. */
    public CharTransformerBuilder blocks(int blocks) {
        if (blocks < 1) {
            throw new IllegalArgumentException("A Transformer needs 1 block or more, got " + blocks);
        }
        this.blocks = blocks;
        return this;
    }

    /** How many characters (the current one and those before it) the embedding convolution sees. */
    public CharTransformerBuilder context(int characters) {
        if (characters < 1) {
            throw new IllegalArgumentException("The embedding needs a context of 1 character or more, got " + characters);
        }
        this.context = characters;
        return this;
    }

    /** Adam's learning rate. */
    public CharTransformerBuilder learningRate(double learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("The learning rate must be positive, got " + learningRate);
        }
        this.learningRate = learningRate;
        return this;
    }

    /** The seed of the initial weights. */
    public CharTransformerBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The configuration for {@code vocabularySize} one-hot tokens, for inspection or changes. */
    public MultiLayerConfiguration configuration(int vocabularySize) {
        if (vocabularySize < 2) {
            throw new IllegalArgumentException("A vocabulary needs 2 ids or more, got " + vocabularySize);
        }
        if (modelSize % heads != 0) {
            throw new IllegalArgumentException("The model size (" + modelSize + ") must be a multiple of the number of heads (" + heads
                    + "): each head gets an equal share of the channels");
        }
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                .gradientNormalization(GradientNormalization.ClipL2PerLayer)
                .gradientNormalizationThreshold(CharLstmBuilder.GRADIENT_CLIP_NORM)
                .list()
                .layer(new Convolution1DLayer.Builder().kernelSize(context).nOut(modelSize).convolutionMode(ConvolutionMode.Causal)
                        .rnnDataFormat(RNNFormat.NCW).activation(Activation.IDENTITY).build());
        for (int i = 0; i < blocks; i++) {
            list.layer(new CausalSelfAttention(modelSize, heads));
        }
        return list.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).nOut(vocabularySize).build())
                .setInputType(InputType.recurrent(vocabularySize))
                .build();
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
