package io.github.nbworkbench.train;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.TrainingData;
import io.github.nbworkbench.models.Mlps;
import io.github.nbworkbench.progress.BatchProgress;
import io.github.nbworkbench.progress.ConsoleProgress;
import io.github.nbworkbench.progress.EpochEnd;
import io.github.nbworkbench.progress.TrainingProgress;
import io.github.nbworkbench.progress.TrainingStart;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class TrainerTest {

    @Test
    void fitRecordsOneRowPerEpochWithKerasColumnNames() {
        History history = Trainer.of(Fixtures.mlp()).epochs(5).validation(Fixtures.validationBlobs())
                .metrics(Metric.ACCURACY).quiet().fit(Fixtures.trainBlobs());

        assertEquals(List.of("epoch", "loss", "val_loss", "accuracy", "val_accuracy", "lr", "seconds", "samples_per_s"),
                history.columnNames());
        assertEquals(List.of(1, 2, 3, 4, 5), history.intColumn("epoch").asList());
        assertTrue(history.value("loss", 5) < history.value("loss", 1), "the loss falls");
        assertTrue(history.value("val_accuracy", 5) > 0.9, "the blobs are separable: " + history.value("val_accuracy", 5));
        assertTrue(history.value("accuracy", 5) > 0.9);
        assertEquals(0.01, history.value("lr", 3), 1e-9);
        assertTrue(history.value("samples_per_s", 2) > 0);
        assertTrue(history.value("seconds", 2) > 0);
        assertTrue(history.stopReason().isEmpty());
    }

    @Test
    void validationMetricsOnlyRecordsTheValColumnsAndNeedsValidationData() {
        History history = Trainer.of(Fixtures.mlp()).epochs(2).validation(Fixtures.validationBlobs())
                .metrics(Metric.ACCURACY).validationMetricsOnly().quiet().fit(Fixtures.trainBlobs());

        assertEquals(List.of("epoch", "loss", "val_loss", "val_accuracy", "lr", "seconds", "samples_per_s"), history.columnNames());
        assertTrue(history.value("val_accuracy", 2) > 0.9);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Trainer.of(Fixtures.mlp())
                .metrics(Metric.ACCURACY).validationMetricsOnly().quiet().fit(Fixtures.trainBlobs()));
        assertTrue(error.getMessage().contains(".validation(iterator)"), error.getMessage());
    }

    @Test
    void valLossIsTheInferenceModeLossOfTheValidationSet() {
        MultiLayerNetwork net = Fixtures.mlp();
        DataSet validation = Fixtures.blobs(128, 2);
        History history = Trainer.of(net).epochs(1).validation(Fixtures.iterator(validation, 128)).quiet().fit(Fixtures.trainBlobs());

        assertEquals(net.score(validation, false), history.value("val_loss", 1), 1e-6);
    }

    @Test
    void trainsAComputationGraphThroughTheSamePath() {
        History history = Trainer.of(Fixtures.graph()).epochs(3).validation(Fixtures.validationBlobs())
                .metrics(Metric.ACCURACY).quiet().fit(Fixtures.trainBlobs());

        assertEquals(3, history.rowCount());
        assertTrue(history.value("val_accuracy", 3) > 0.9);
    }

    @Test
    void aSeedMakesTwoRunsIdentical() {
        MultiLayerNetwork first = Fixtures.mlp(new org.nd4j.linalg.learning.config.Adam(0.01), 0.5);
        MultiLayerNetwork second = Fixtures.mlp(new org.nd4j.linalg.learning.config.Adam(0.01), 0.5);
        History a = Trainer.of(first).epochs(2).seed(7).quiet().fit(Fixtures.trainBlobs());
        History b = Trainer.of(second).epochs(2).seed(7).quiet().fit(Fixtures.trainBlobs());

        assertEquals(first.params(), second.params());
        assertEquals(a.doubleColumn("loss").asList(), b.doubleColumn("loss").asList());
    }

    @Test
    void preFlightNamesBothShapesAndTheReshapingCallBeforeAnyStep() {
        var conf = new NeuralNetConfiguration.Builder().updater(new Sgd(0.1)).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nIn(1).nOut(4).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(4 * 26 * 26).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork conv = new MultiLayerNetwork(conf);
        conv.init();
        INDArray before = conv.params().dup();
        DataSet flatImages = new DataSet(Nd4j.rand(8, 784), Nd4j.eye(10).getRows(0, 1, 2, 3, 4, 5, 6, 7));

        ModelDataMismatchException error = assertThrows(ModelDataMismatchException.class,
                () -> Trainer.of(conv).quiet().fit(Fixtures.iterator(flatImages, 4)));

        assertTrue(error.getMessage().contains("[4, 784]"), error.getMessage());
        assertTrue(error.getMessage().contains("rank 4 [minibatch, 1 channels, height, width]"), error.getMessage());
        assertTrue(error.getMessage().contains("data.asImages(1, 28, 28)"), error.getMessage());
        assertEquals(before, conv.params(), "no training step ran");
    }

    @Test
    void preFlightExplainsLabelsThatAreClassIndices() {
        DataSet indices = new DataSet(Nd4j.rand(8, Fixtures.FEATURES), Nd4j.zeros(8, 1));

        ModelDataMismatchException error = assertThrows(ModelDataMismatchException.class,
                () -> Trainer.of(Fixtures.mlp()).quiet().fit(Fixtures.iterator(indices, 4)));

        assertTrue(error.getMessage().contains("output has shape [1, 2] but the labels have shape [1, 1]"), error.getMessage());
        assertTrue(error.getMessage().contains("one-hot encode"), error.getMessage());
    }

    @Test
    void aDenseInputOfTheWrongWidthIsNamed() {
        DataSet wide = new DataSet(Nd4j.rand(8, 7), Nd4j.zeros(8, 2));

        ModelDataMismatchException error = assertThrows(ModelDataMismatchException.class,
                () -> Trainer.of(Fixtures.mlp()).quiet().fit(Fixtures.iterator(wide, 4)));

        assertTrue(error.getMessage().contains("[4, 7]"), error.getMessage());
        assertTrue(error.getMessage().contains("rank 2 [minibatch, 4 columns]"), error.getMessage());
        assertTrue(error.getMessage().contains("Mlps.classifier(data) (or Mlps.regressor(data)) builds a dense network sized from the data"),
                error.getMessage());
        assertTrue(error.getMessage().contains(".nIn(7)"), error.getMessage());
    }

    @Test
    void aNaNLossStopsTrainingByDefaultWithTheReasonInTheHistory() {
        DataSet broken = Fixtures.blobs(64, 3);
        broken.getFeatures().putScalar(40, 0, Double.NaN);

        History history = Trainer.of(Fixtures.mlp()).epochs(5).quiet().fit(Fixtures.iterator(broken, 16));

        assertEquals(1, history.rowCount());
        assertTrue(history.stopReason().orElseThrow().contains("epoch 1, batch 3"), history.stopReason().orElseThrow());
        assertTrue(Double.isNaN(history.value("loss", 1)));
    }

    @Test
    void allowNaNKeepsGoing() {
        DataSet broken = Fixtures.blobs(64, 3);
        broken.getFeatures().putScalar(40, 0, Double.NaN);

        History history = Trainer.of(Fixtures.mlp()).epochs(2).allowNaN().quiet().fit(Fixtures.iterator(broken, 16));

        assertEquals(2, history.rowCount());
    }

    @Test
    void progressSeesStartEveryBatchEachEpochAndTheEnd() {
        List<String> calls = new ArrayList<>();
        TrainingProgress recorder = new TrainingProgress() {
            @Override
            public void start(TrainingStart start) {
                calls.add("start " + start.firstEpoch() + ".." + start.lastEpoch() + " " + start.metrics());
            }

            @Override
            public void batch(BatchProgress progress) {
                calls.add("batch " + progress.epoch() + ":" + progress.batch() + "/" + progress.batchesPerEpoch());
            }

            @Override
            public void epoch(EpochEnd epoch) {
                calls.add("epoch " + epoch.epoch() + " " + epoch.values().keySet());
            }

            @Override
            public void end(String outcome) {
                calls.add("end " + outcome);
            }
        };

        Trainer.of(Fixtures.mlp()).epochs(2).validation(Fixtures.validationBlobs()).progress(recorder)
                .fit(Fixtures.iterator(Fixtures.blobs(64, 1), 32));

        assertEquals(List.of("start 1..2 [loss, val_loss]", "batch 1:1/-1", "batch 1:2/-1",
                "epoch 1 [loss, val_loss, lr, seconds, samples_per_s]", "batch 2:1/2", "batch 2:2/2",
                "epoch 2 [loss, val_loss, lr, seconds, samples_per_s]", "end finished 2 epochs"), calls);
    }

    @Test
    void aFailingDisplayDoesNotCostTheRun() {
        TrainingProgress broken = new TrainingProgress() {
            @Override
            public void start(TrainingStart start) {
            }

            @Override
            public void batch(BatchProgress progress) {
                throw new IllegalStateException("display gone");
            }

            @Override
            public void epoch(EpochEnd epoch) {
            }

            @Override
            public void end(String outcome) {
            }
        };

        History history = Trainer.of(Fixtures.mlp()).epochs(2).progress(broken).fit(Fixtures.trainBlobs());

        assertEquals(2, history.rowCount());
    }

    @Test
    void theConsoleDisplayIsFoundThroughServiceLoader() {
        assertInstanceOf(ConsoleProgress.class, ProgressDisplays.discover());
    }

    @RequiresDataset(FASHION_MNIST)
    @Test
    void fitOnTrainingDataValidatesOnItsValidationPart() {
        TrainingData data = FashionMnist.load().train().limit(1500).trainValidationSplit(0.2, 4).batchSize(50).shuffle(4);
        MultiLayerNetwork net = Mlps.classifier().hiddenSizes(32).build(data.trainSet());

        History history = Trainer.of(net).quiet().metrics(Metric.ACCURACY).fit(data);

        var scored = Validation.score(TrainableModel.of(net), data.validation(), List.of(Metric.ACCURACY));
        assertEquals(scored.get("val_loss"), history.value("val_loss", 1), 1e-6);
        assertEquals(scored.get("val_accuracy"), history.value("val_accuracy", 1), 1e-9);
        assertTrue(history.value("val_accuracy", 1) > 0.5, history::print);
    }

    @RequiresDataset(FASHION_MNIST)
    @Test
    void fitOnTrainingDataRefusesASecondValidationSet() {
        TrainingData data = FashionMnist.load().train().limit(100).trainValidationSplit(0.2, 4);
        MultiLayerNetwork net = Mlps.classifier().hiddenSizes(8).build(data.trainSet());

        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> Trainer.of(net).quiet().validation(data.validation()).fit(data));

        assertTrue(twice.getMessage().startsWith("The TrainingData brings its own validation part; drop .validation(...)"), twice.getMessage());
    }

    @Test
    void rejectsWhatItCannotTrain() {
        assertThrows(IllegalArgumentException.class, () -> Trainer.of(null));
        assertThrows(IllegalArgumentException.class, () -> Trainer.of(Fixtures.mlp()).epochs(0));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> Trainer.of(Fixtures.mlp()).metrics(Metric.ACCURACY, Metric.ACCURACY).quiet().fit(Fixtures.trainBlobs()));
        assertTrue(twice.getMessage().contains("listed twice"));
        MultiLayerNetwork uninitialised = new MultiLayerNetwork(Fixtures.mlp().getLayerWiseConfigurations());
        IllegalStateException notInit = assertThrows(IllegalStateException.class, () -> Trainer.of(uninitialised));
        assertTrue(notInit.getMessage().contains("net.init()"));
    }

    @Test
    void metricsChangeNothingInTraining() {
        MultiLayerNetwork plain = Fixtures.mlp();
        MultiLayerNetwork measured = Fixtures.mlp();
        Trainer.of(plain).epochs(2).seed(3).quiet().fit(Fixtures.trainBlobs());
        Trainer.of(measured).epochs(2).seed(3).metrics(Metric.ACCURACY, Metric.topK(1)).quiet().fit(Fixtures.trainBlobs());

        assertEquals(plain.params(), measured.params());
        assertNotEquals(Fixtures.mlp().params(), plain.params());
        assertFalse(plain.params().isEmpty());
    }
}
