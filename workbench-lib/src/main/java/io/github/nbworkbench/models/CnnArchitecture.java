package io.github.nbworkbench.models;

import io.github.nbworkbench.layers.Im2colConvolution;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration.ListBuilder;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;

/** The layer stacks behind {@link Cnns}. */
enum CnnArchitecture {

    CLASSIC(CacheMode.DEVICE) {
        @Override
        void addLayers(ListBuilder layers, OutputLayer output, boolean flatInput) {
            layers.layer(firstConvolution(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU), flatInput))
                    .layer(maxPool())
                    .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
                    .layer(output);
        }
    },

    STRONG(CacheMode.NONE) {
        @Override
        void addLayers(ListBuilder layers, OutputLayer output, boolean flatInput) {
            for (int filters : new int[] {32, 64}) {
                for (int conv = 0; conv < 2; conv++) {
                    // DL4J's own layer: Im2colConvolution as the first one gained nothing here (365 against 357 ms a step)
                    layers.layer(new ConvolutionLayer.Builder(3, 3).nOut(filters).convolutionMode(ConvolutionMode.Same)
                                    .activation(Activation.IDENTITY).build())
                            .layer(new BatchNormalization.Builder().build())
                            .layer(new ActivationLayer(Activation.RELU));
                }
                layers.layer(maxPool()).layer(dropout(0.25));
            }
            layers.layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
                    .layer(dropout(0.5))
                    .layer(output);
        }
    };

    /**
     * DEVICE keeps each layer's pre-activation from the forward pass for the backward pass instead of
     * computing it again: one oneDNN convolution less per step of the classic CNN. It made a step of
     * the strong CNN (batch normalization, dropout) about 15% slower, so that one keeps NONE.
     */
    final CacheMode cacheMode;

    CnnArchitecture(CacheMode cacheMode) {
        this.cacheMode = cacheMode;
    }

    /** Adds the layers, ending with {@code output}; {@code flatInput}: the network takes flat rows (a preprocessor makes them images). */
    abstract void addLayers(ListBuilder layers, OutputLayer output, boolean flatInput);

    /**
     * The first convolution: fed images directly it needs no input gradient; after the preprocessor
     * of flat input DL4J passes the input gradient on, so it must be there.
     */
    private static Im2colConvolution firstConvolution(ConvolutionLayer.Builder settings, boolean flatInput) {
        Im2colConvolution convolution = new Im2colConvolution(settings);
        return flatInput ? convolution : convolution.withoutInputGradient();
    }

    private static SubsamplingLayer maxPool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
    }

    /** {@code rate} is the share of activations dropped, as in Keras; DL4J's argument is the share kept. */
    private static DropoutLayer dropout(double rate) {
        return new DropoutLayer.Builder(1 - rate).build();
    }
}
