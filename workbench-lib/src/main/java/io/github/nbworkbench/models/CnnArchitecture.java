package io.github.nbworkbench.models;

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

    CLASSIC {
        @Override
        void addLayers(ListBuilder layers, OutputLayer output, boolean flatInput) {
            layers.layer(firstConvolution(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU), flatInput))
                    .layer(maxPool())
                    .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
                    .layer(output);
        }
    },

    STRONG {
        @Override
        void addLayers(ListBuilder layers, OutputLayer output, boolean flatInput) {
            for (int filters : new int[] {32, 64}) {
                for (int conv = 0; conv < 2; conv++) {
                    ConvolutionLayer.Builder convolution = new ConvolutionLayer.Builder(3, 3).nOut(filters)
                            .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY);
                    layers.layer(filters == 32 && conv == 0 ? firstConvolution(convolution, flatInput) : convolution.build())
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
