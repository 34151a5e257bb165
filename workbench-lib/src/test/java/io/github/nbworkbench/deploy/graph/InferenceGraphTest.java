package io.github.nbworkbench.deploy.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.models.Cnns;
import io.github.nbworkbench.models.ImageShape;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

class InferenceGraphTest {

    @Test
    void theClassicCnnBecomesConvolutionPoolingFlattenAndTwoDenseSteps() {
        MultiLayerNetwork net = Cnns.classic(new ImageShape(28, 28, 1), 10);

        InferenceGraph graph = InferenceGraph.of(net, InputType.convolutional(28, 28, 1));

        assertEquals(List.of("Convolution", "Activation", "Pooling", "Flatten", "Dense", "Activation", "Dense", "Activation"),
                graph.steps().stream().map(step -> step.getClass().getSimpleName()).toList());
        assertArrayEquals(new long[] {1, 28, 28}, graph.inputShape());
        assertArrayEquals(new long[] {10}, graph.outputShape());
        assertEquals(ActivationKind.SOFTMAX, ((InferenceStep.Activation) graph.steps().get(7)).kind());
        assertEquals(32 * 13 * 13, ((InferenceStep.Flatten) graph.steps().get(3)).features());
        InferenceStep.Dense hidden = (InferenceStep.Dense) graph.steps().get(4);
        assertArrayEquals(new long[] {32 * 13 * 13, 128}, hidden.weights().shape());
        assertTrue(hidden.weights() != net.getLayer(2).getParam("W"), "the graph holds its own copy of the weights");
    }

    @Test
    void aNetworkStartingWithAConvolutionNeedsItsInputShapeAndSaysHowToGiveIt() {
        MultiLayerNetwork net = Cnns.classic(new ImageShape(28, 28, 1), 10);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> InferenceGraph.of(net));

        assertTrue(refused.getMessage().contains("InferenceGraph.of(net, testData)"), refused.getMessage());
    }

    @Test
    void channelsLastImagesAreRefusedNamingTheLayer() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).dataFormat(CNN2DFormat.NHWC).build())
                .layer(new OutputLayer.Builder().nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 1, CNN2DFormat.NHWC))
                .build());
        net.init();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> InferenceGraph.of(net, InputType.convolutional(8, 8, 1, CNN2DFormat.NHWC)));

        assertTrue(refused.getMessage().startsWith("Cannot carry layer 0 (ConvolutionLayer)"), refused.getMessage());
        assertTrue(refused.getMessage().contains("NHWC"), refused.getMessage());
    }
}
