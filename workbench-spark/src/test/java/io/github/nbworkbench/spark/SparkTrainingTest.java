package io.github.nbworkbench.spark;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.data.TrainingData;
import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.train.Callback;
import io.github.nbworkbench.train.EpochValues;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Metric;
import io.github.nbworkbench.train.ModelCheckpoint;
import io.github.nbworkbench.train.Seeds;
import io.github.nbworkbench.train.OneCycle;
import io.github.nbworkbench.train.Trainer;
import io.github.nbworkbench.train.TrainingContext;
import io.github.nbworkbench.train.TrainingStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class SparkTrainingTest {

    private static MultiLayerNetwork perceptron(int classes) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).updater(new Adam(2e-3)).list()
                .layer(new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1))
                .build());
        net.init();
        return net;
    }

    @RequiresDataset(FASHION_MNIST)
    @Test
    void twoLocalWorkersTrainAPerceptronAndFillTheHistory() {
        LabeledDataset train = FashionMnist.load().train().limit(3000);
        LabeledDataset test = FashionMnist.load().test().limit(1000);
        MultiLayerNetwork net = perceptron(10);

        History history = assertTimeoutPreemptively(Duration.ofMinutes(5), () -> Trainer.of(net)
                .strategy(SparkTraining.parameterAveraging().master("local[2]")).epochs(3).quiet()
                .metrics(Metric.ACCURACY).fit(TrainingData.of(train, test).batchSize(32).shuffle(42)));

        assertEquals(3, history.rowCount());
        assertEquals(List.of("epoch", "loss", "val_loss", "val_accuracy", "lr", "seconds", "samples_per_s"), history.columnNames());
        assertTrue(history.value("val_loss", 3) < history.value("val_loss", 1), history.print());
        assertTrue(history.value("val_accuracy", 3) > 0.72, "validation accuracy after 3 epochs: " + history.value("val_accuracy", 3));
        assertTrue(history.value("samples_per_s", 1) > 0);
    }

    /** DL4J's trainer-per-core default hung here in one run of two (a lock-order deadlock); a hang would end as SparkTraining's timeout. */
    @RequiresDataset(FASHION_MNIST)
    @Test
    void gradientSharingBetweenTwoLocalWorkersTrainsAPerceptron() {
        LabeledDataset train = FashionMnist.load().train().limit(3000);
        LabeledDataset test = FashionMnist.load().test().limit(1000);
        MultiLayerNetwork net = perceptron(10);

        History history = assertTimeoutPreemptively(Duration.ofMinutes(5), () -> Trainer.of(net).quiet()
                .strategy(SparkTraining.gradientSharing().master("local[2]").timeout(Duration.ofMinutes(3)))
                .validation(test.batchSize(500).iterator()).metrics(Metric.ACCURACY).fit(train.batchSize(32).shuffle(42).iterator()));

        assertEquals(1, history.rowCount());
        assertTrue(history.value("val_accuracy", 1) > 0.55, "validation accuracy after 1 epoch: " + history.value("val_accuracy", 1));
        assertTrue(Double.isNaN(history.value("loss", 1)), "gradient sharing reports no training loss, so none is shown: " + history.print());
    }

    @RequiresDataset(FASHION_MNIST)
    @Test
    void aRunPastItsTimeoutIsCancelledWithAMessageNamingTheTraining() {
        LabeledDataset train = FashionMnist.load().train().limit(3000);

        IllegalStateException late = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> assertThrows(IllegalStateException.class,
                () -> Trainer.of(perceptron(10)).strategy(SparkTraining.parameterAveraging().master("local[2]").timeout(Duration.ofSeconds(3)))
                        .quiet().epochs(50).fit(train.batchSize(32).iterator())));

        assertTrue(late.getMessage().startsWith("Spark training (parameter averaging every 50 batches of 32 per worker) did not finish"
                + " within PT3S; its jobs were cancelled."), late.getMessage());
    }

    @RequiresDataset(FASHION_MNIST)
    @Test
    void epochCallbacksRunOnTheDriverAndCanStopTraining(@TempDir Path folder) {
        LabeledDataset train = FashionMnist.load().train().limit(1000);
        LabeledDataset test = FashionMnist.load().test().limit(500);
        MultiLayerNetwork net = perceptron(10);
        List<Integer> epochsSeen = new ArrayList<>();
        Callback stopAfterTwo = new Callback() {
            @Override
            public void onEpochEnd(TrainingContext context, EpochValues values) {
                epochsSeen.add(values.epoch());
                if (values.epoch() == 2) {
                    context.setLearningRate(1e-4);
                    context.stopTraining("two epochs are enough");
                }
            }
        };

        History history = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> Trainer.of(net)
                .strategy(SparkTraining.parameterAveraging().master("local[2]")).epochs(5).quiet()
                .validation(test.batchSize(500).iterator()).metrics(Metric.ACCURACY)
                .callbacks(stopAfterTwo, ModelCheckpoint.keepLast(folder.resolve("checkpoints"), 2)).fit(train.batchSize(32).iterator()));

        assertEquals(List.of(1, 2), epochsSeen);
        assertEquals(2, history.rowCount());
        assertEquals("two epochs are enough", history.stopReason().orElseThrow());
        assertEquals(2e-3, history.value("lr", 1), 1e-12, "the lr column shows the driver's learning rate");
        assertEquals(1e-4, net.getLayerWiseConfigurations().getConf(0).getLayer().getUpdaterByParam("W").getLearningRate(0, 0), 1e-12);
        assertTrue(ModelCheckpoint.latestIn(folder.resolve("checkpoints")).isPresent(), "ModelCheckpoint saved the driver's network");
    }

    @RequiresDataset(FASHION_MNIST)
    @Test
    void aCallbackWithBatchHooksIsRefusedWithTheReason() {
        LabeledDataset train = FashionMnist.load().train().limit(64);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Trainer.of(perceptron(10))
                .strategy(SparkTraining.parameterAveraging()).callbacks(new OneCycle(0.01)).fit(train.batchSize(32).iterator()));

        assertTrue(refused.getMessage().startsWith("OneCycle acts on batches (onBatchBegin), which SparkTraining (parameter averaging"),
                refused.getMessage());
    }

    @RequiresDataset(FASHION_MNIST)
    @Test
    void theSeedAndTheAveragingFrequencyHaveTheDefaultsOfEveryStrategy() {
        LabeledDataset train = FashionMnist.load().train().limit(256);
        List<Long> seeds = new ArrayList<>();
        Callback recorder = new Callback() {
            @Override
            public void onTrainBegin(TrainingContext context) {
                seeds.add(context.seed());
            }
        };
        Seeds.seedEverything(7);
        Trainer.of(perceptron(10)).quiet().callbacks(recorder).fit(train.batchSize(32).iterator());
        Seeds.seedEverything(7);
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> Trainer.of(perceptron(10)).quiet().callbacks(recorder)
                .strategy(SparkTraining.parameterAveraging().master("local[1]")).fit(train.batchSize(32).iterator()));

        assertEquals(seeds.get(0), seeds.get(1), "the seed is drawn from ND4J's generator for both");
        assertTrue(SparkTraining.parameterAveraging().toString().contains("every " + TrainingStrategy.DEFAULT_AVERAGING_FREQUENCY + " batches"));
    }

    @RequiresDataset(FASHION_MNIST)
    @Test
    void aFailingTaskEndsTheRunWithSparksReasonInsteadOfHanging() {
        LabeledDataset train = FashionMnist.load().train().limit(256);
        MultiLayerNetwork wrongOutputs = perceptron(7);   // the labels have 10 classes

        IllegalStateException failed = assertTimeoutPreemptively(Duration.ofMinutes(3),
                () -> assertThrows(IllegalStateException.class, () -> Trainer.of(wrongOutputs)
                        .strategy(SparkTraining.parameterAveraging().master("local[2]")).quiet().fit(train.batchSize(32).iterator())));

        assertTrue(failed.getMessage().startsWith("Spark training failed: "), failed.getMessage());
    }
}
