package io.github.nbworkbench.models;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.testdata.RequiresDataset;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

class CnnsTest {

    @RequiresDataset(FASHION_MNIST)
    @Test
    void classicCnnLearnsFashionMnistInOneShortEpoch() {
        FashionMnist fashion = FashionMnist.load();
        LabeledDataset train = fashion.train().limit(2_000);
        LabeledDataset test = fashion.test().limit(1_000);

        MultiLayerNetwork net = Cnns.classic(train);
        net.fit(train.batchSize(32).shuffle(1).iterator());
        Evaluation evaluation = net.evaluate(test.batchSize(500).iterator());

        System.out.printf("classic CNN, 2,000 Fashion-MNIST images, 1 epoch: test accuracy %.3f on 1,000%n", evaluation.accuracy());
        assertTrue(evaluation.accuracy() > 0.65, "accuracy " + evaluation.accuracy() + " (chance: 0.10)");
    }

    @Test
    void strongCnnRunsOnTheInferredShape() {
        LabeledDataset images = randomImages(8, 1, 28, 28);

        MultiLayerNetwork net = Cnns.strong(images);
        INDArray output = net.output(images.features());

        assertArrayEquals(new long[] {8, 3}, output.shape());
        assertEquals(8.0, output.sumNumber().doubleValue(), 1e-4, "softmax rows sum to 1");
    }

    @Test
    void strongCnnTakesSmallRgbImages() {
        LabeledDataset images = randomImages(4, 3, 8, 8);

        assertArrayEquals(new long[] {4, 3}, Cnns.strong(images).output(images.features()).shape());
    }

    @Test
    void flatDataGivesANetworkWithFlatInput() {
        LabeledDataset flat = randomImages(4, 1, 28, 28).flat();

        MultiLayerNetwork net = Cnns.classic(flat);

        assertArrayEquals(new long[] {4, 3}, net.output(flat.features()).shape());
    }

    @Test
    void learningRateAndSeedAreSettings() {
        MultiLayerNetwork net = Cnns.classic().learningRate(5e-4).seed(7).build(new ImageShape(28, 28, 1), 10);
        MultiLayerNetwork same = Cnns.classic().learningRate(5e-4).seed(7).build(new ImageShape(28, 28, 1), 10);

        Adam adam = (Adam) ((BaseLayer) net.getLayerWiseConfigurations().getConf(0).getLayer()).getIUpdater();
        assertEquals(5e-4, adam.getLearningRate(), 1e-12);
        assertEquals(net.params(), same.params());
    }

    @Test
    void regressionTargetsAreRefusedPointingToTheRegressionOption() {
        LabeledDataset brightness = LabeledDataset.regression(Nd4j.rand(DataType.FLOAT, 4, 1, 8, 8), Nd4j.rand(DataType.FLOAT, 4, 1));
        DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, 4, 1, 8, 8), Nd4j.createFromArray(new float[][] {{0.3f}, {2.5f}, {1f}, {0f}}));

        String fromData = assertThrows(IllegalArgumentException.class, () -> Cnns.classic(brightness)).getMessage();
        String fromBatch = assertThrows(IllegalArgumentException.class, () -> Cnns.strong().build(batch)).getMessage();

        assertTrue(fromData.contains("regression target") && fromData.contains("Cnns.classic().regression()"), fromData);
        assertTrue(fromBatch.contains("one column of continuous values (0.3 in example 0)") && fromBatch.contains("Cnns.strong().regression()"),
                fromBatch);
    }

    @Test
    void regressionCnnPredictsTheTargetColumns() {
        LabeledDataset brightness = LabeledDataset.regression(Nd4j.rand(DataType.FLOAT, 4, 1, 8, 8), Nd4j.rand(DataType.FLOAT, 4, 2));

        MultiLayerNetwork net = Cnns.classic().regression().build(brightness);

        assertArrayEquals(new long[] {4, 2}, net.output(brightness.features()).shape());
        assertInstanceOf(LossMSE.class, ((OutputLayer) net.getLayerWiseConfigurations().getConf(3).getLayer()).getLossFn());
    }

    private static LabeledDataset randomImages(int n, int channels, int height, int width) {
        Nd4j.getRandom().setSeed(3);
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            classes[i] = i % 3;
        }
        return LabeledDataset.classification(Nd4j.rand(DataType.FLOAT, n, channels, height, width), classes, List.of("a", "b", "c"));
    }
}
