package io.github.nbworkbench.models;

import static io.github.nbworkbench.testdata.Dataset.SKLEARN;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.data.TabularData;
import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.testdata.SklearnData;
import io.github.nbworkbench.train.ModelDataMismatchException;
import io.github.nbworkbench.train.Trainer;

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
        assertTrue(message.contains("data.asImages(1, 28, 28)"), message);
        assertFalse(advice(message).contains("InputType"), "no DL4J configuration call: " + message);
    }

    @Test
    void channelsLastImagesAreRecognised() {
        String message = problem(CONV_NET, batch(4, 28, 28, 1));

        assertTrue(message.contains("[?, 28, 28, 1]") && message.contains("permute(0, 3, 1, 2)"), message);
    }

    @Test
    void imagesOfAnotherSizeAskForARebuild() {
        String message = problem(CONV_NET, batch(2, 1, 32, 32));

        assertTrue(message.contains("[?, 1, 32, 32]") && message.contains("expects 28x28 images") && message.contains("got 32x32")
                && message.contains("Cnns.classic(data)"), message);
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

    @RequiresDataset(SKLEARN)
    @Test
    void sklearnDigitsOf8x8IntoA28x28NetworkNameBothSizesThroughTheTrainer() {
        LabeledDataset digits = digits().asImages(1, 8, 8);

        String message = assertThrows(ModelDataMismatchException.class,
                () -> Trainer.of(CONV_NET).quiet().fit(digits.batchSize(32).iterator())).getMessage();

        assertTrue(message.contains("expects 28x28 images with 1 channel [?, 1, 28, 28], got 8x8"), message);
        assertTrue(message.contains("Cnns.classic(data)") && message.contains("sizes the network from the data"), message);
    }

    @RequiresDataset(SKLEARN)
    @Test
    void flatDigitRowsIntoAConvNetPointToAsImagesThroughTheTrainer() {
        LabeledDataset rows = digits();

        String message = assertThrows(ModelDataMismatchException.class,
                () -> Trainer.of(CONV_NET).quiet().fit(rows.batchSize(32).iterator())).getMessage();

        assertTrue(message.contains("flat rows [?, 64]") && message.contains("data.asImages(1, 8, 8)")
                && message.contains("Cnns.classic(data)"), message);
        assertFalse(advice(message).contains("InputType"), "no DL4J configuration call: " + message);
    }

    @Test
    void theImageSizeAStrongNetworkExpectsIsFoundFromItsLayers() {
        MultiLayerNetwork strong = Cnns.strong(new ImageShape(20, 20, 3), 4);

        String message = problem(strong, new DataSet(Nd4j.rand(DataType.FLOAT, 2, 3, 12, 12), Nd4j.zeros(DataType.FLOAT, 2, 4)));

        assertTrue(message.contains("expects 20x20 images with 3 channels") && message.contains("got 12x12"), message);
    }

    /** The message without DL4J's own words, which follow in parentheses. */
    private static String advice(String message) {
        return message.substring(0, message.indexOf("(DL4J"));
    }

    private static LabeledDataset digits() {
        return TabularData.load(SklearnData.file("digits.csv.gz")).label(-1).classification().limit(64);
    }

    private static String problem(MultiLayerNetwork net, DataSet batch) {
        return assertThrows(IllegalArgumentException.class, () -> InputCheck.verify(net, batch)).getMessage();
    }

    private static DataSet batch(long... featureShape) {
        return new DataSet(Nd4j.rand(DataType.FLOAT, featureShape), Nd4j.zeros(DataType.FLOAT, featureShape[0], 10));
    }
}
