package io.github.nbworkbench.models;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class InputCheckTest {

    private static final MultiLayerNetwork CONV_NET = Cnns.classic(new ImageShape(28, 28, 1), 10);

    @Test
    void imagesTheModelWasBuiltForPass() {
        assertDoesNotThrow(() -> InputCheck.verify(CONV_NET, batch(4, 1, 28, 28)));
    }

    @Test
    void flatRowsIntoAConvNetNameBothShapesAndTheFix() {
        String message = problem(CONV_NET, batch(4, 784));

        assertTrue(message.contains("[?, 784]"), message);
        assertTrue(message.contains("[?, 1, 28, 28]"), message);
        assertTrue(message.contains("InputType.convolutionalFlat(28, 28, 1)"), message);
        assertTrue(message.contains("asImages(1, 28, 28)"), message);
    }

    @Test
    void channelsLastImagesAreRecognised() {
        String message = problem(CONV_NET, batch(4, 28, 28, 1));

        assertTrue(message.contains("[?, 28, 28, 1]") && message.contains("permute(0, 3, 1, 2)"), message);
    }

    @Test
    void imagesOfAnotherSizeAskForARebuild() {
        String message = problem(CONV_NET, batch(2, 1, 32, 32));

        assertTrue(message.contains("[?, 1, 32, 32]") && message.contains("InputType.convolutional(32, 32, 1)"), message);
    }

    @Test
    void labelsWithAnotherClassCount() {
        DataSet fiveClasses = new DataSet(Nd4j.rand(DataType.FLOAT, 2, 1, 28, 28), Nd4j.zeros(DataType.FLOAT, 2, 5));

        String message = problem(CONV_NET, fiveClasses);

        assertTrue(message.contains("[?, 5]") && message.contains("[?, 10]"), message);
    }

    @Test
    void imagesIntoADenseNetAskToFlatten() {
        MultiLayerNetwork dense = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(10).activation(Activation.SOFTMAX).build())
                .build());
        dense.init();

        String message = problem(dense, batch(2, 1, 28, 28));

        assertTrue(message.contains("[?, 1, 28, 28]") && message.contains("[?, 784]") && message.contains("flat()"), message);
    }

    private static String problem(MultiLayerNetwork net, DataSet batch) {
        return assertThrows(IllegalArgumentException.class, () -> InputCheck.verify(net, batch)).getMessage();
    }

    private static DataSet batch(long... featureShape) {
        return new DataSet(Nd4j.rand(DataType.FLOAT, featureShape), Nd4j.zeros(DataType.FLOAT, featureShape[0], 10));
    }
}
