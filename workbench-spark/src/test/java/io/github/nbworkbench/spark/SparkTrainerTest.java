package io.github.nbworkbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Metric;
import java.time.Duration;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class SparkTrainerTest {

    private static MultiLayerNetwork perceptron(int classes) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).updater(new Adam(2e-3)).list()
                .layer(new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1))
                .build());
        net.init();
        return net;
    }

    @Test
    void twoLocalWorkersTrainAPerceptronAndFillTheHistory() {
        LabeledDataset train = FashionMnist.load().train().limit(3000);
        LabeledDataset test = FashionMnist.load().test().limit(1000);
        MultiLayerNetwork net = perceptron(10);

        History history = assertTimeoutPreemptively(Duration.ofMinutes(5), () -> SparkTrainer.of(net).master("local[2]").epochs(3).quiet()
                .validation(test.batchSize(500).iterator()).metrics(Metric.ACCURACY).fit(train));

        assertEquals(3, history.rowCount());
        assertEquals(List.of("epoch", "loss", "val_loss", "val_accuracy", "lr", "seconds", "samples_per_s"), history.columnNames());
        assertTrue(history.value("val_loss", 3) < history.value("val_loss", 1), history.print());
        assertTrue(history.value("val_accuracy", 3) > 0.72, "validation accuracy after 3 epochs: " + history.value("val_accuracy", 3));
        assertTrue(history.value("samples_per_s", 1) > 0);
    }

    @Test
    void gradientSharingBetweenTwoLocalWorkersTrainsAPerceptron() {
        LabeledDataset train = FashionMnist.load().train().limit(3000);
        LabeledDataset test = FashionMnist.load().test().limit(1000);
        MultiLayerNetwork net = perceptron(10);

        History history = assertTimeoutPreemptively(Duration.ofMinutes(4), () -> SparkTrainer.of(net).master("local[2]").quiet()
                .training(SparkTraining.gradientSharing()).validation(test.batchSize(500).iterator()).metrics(Metric.ACCURACY).fit(train));

        assertEquals(1, history.rowCount());
        assertTrue(history.value("val_accuracy", 1) > 0.55, "validation accuracy after 1 epoch: " + history.value("val_accuracy", 1));
        assertTrue(Double.isNaN(history.value("loss", 1)), "gradient sharing reports no training loss, so none is shown: " + history.print());
    }

    @Test
    void aFailingTaskEndsTheRunWithSparksReasonInsteadOfHanging() {
        LabeledDataset train = FashionMnist.load().train().limit(256);
        MultiLayerNetwork wrongOutputs = perceptron(7);   // the labels have 10 classes

        IllegalStateException failed = assertTimeoutPreemptively(Duration.ofMinutes(3),
                () -> assertThrows(IllegalStateException.class, () -> SparkTrainer.of(wrongOutputs).master("local[2]").quiet().fit(train)));

        assertTrue(failed.getMessage().startsWith("Spark training failed: "), failed.getMessage());
    }
}
