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
        void addLayers(ListBuilder layers, OutputLayer output) {
            layers.layer(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU).build())
                    .layer(maxPool())
                    .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
                    .layer(output);
        }
    },

    STRONG {
        @Override
        void addLayers(ListBuilder layers, OutputLayer output) {
            for (int filters : new int[] {32, 64}) {
                for (int conv = 0; conv < 2; conv++) {
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

    /** Adds the layers, ending with {@code output}. */
    abstract void addLayers(ListBuilder layers, OutputLayer output);

    private static SubsamplingLayer maxPool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
    }

    /** {@code rate} is the share of activations dropped, as in Keras; DL4J's argument is the share kept. */
    private static DropoutLayer dropout(double rate) {
        return new DropoutLayer.Builder(1 - rate).build();
    }
}
