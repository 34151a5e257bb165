package io.github.nbworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorNamesTest {

    @TempDir
    Path folder;

    private final AtomicInteger epochsStarted = new AtomicInteger();
    private final Callback epochCounter = new Callback() {
        @Override
        public void onEpochBegin(TrainingContext context, int epoch) {
            epochsStarted.incrementAndGet();
        }
    };

    @Test
    void aMisspeltMonitorFailsBeforeTheFirstEpochAndNamesTheValuesThereAre() {
        MultiLayerNetwork net = Fixtures.mlp();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Trainer.of(net).epochs(3).quiet()
                .validation(Fixtures.validationBlobs()).metrics(Metric.ACCURACY)
                .callbacks(epochCounter, new EarlyStopping("val_acc").patience(2)).fit(Fixtures.trainBlobs()));

        assertEquals("EarlyStopping monitors 'val_acc', which this run does not record; it records "
                + "[loss, val_loss, accuracy, val_accuracy, lr, seconds, samples_per_s]. Did you mean 'val_accuracy'?", error.getMessage());
        assertEquals(0, epochsStarted.get());
        assertEquals(0, net.getIterationCount(), "no training step was taken");
    }

    @Test
    void aValidationMonitorWithoutValidationDataSaysHowToAddIt() {
        MultiLayerNetwork net = Fixtures.mlp();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Trainer.of(net).epochs(3).quiet()
                .callbacks(epochCounter, new ReduceLROnPlateau("val_loss")).fit(Fixtures.trainBlobs()));

        assertTrue(error.getMessage().startsWith("ReduceLROnPlateau monitors 'val_loss', which this run does not record; it records [loss, lr,"),
                error.getMessage());
        assertTrue(error.getMessage().endsWith("add .validation(iterator) to the Trainer."), error.getMessage());
        assertEquals(0, epochsStarted.get());
    }

    @Test
    void aCheckpointMonitorIsCheckedToo() {
        Path file = folder.resolve("best.zip");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Trainer.of(Fixtures.mlp()).epochs(2).quiet()
                .validation(Fixtures.validationBlobs())
                .callbacks(epochCounter, ModelCheckpoint.keepBest(file, "val_los")).fit(Fixtures.trainBlobs()));

        assertTrue(error.getMessage().startsWith("ModelCheckpoint monitors 'val_los'"), error.getMessage());
        assertTrue(error.getMessage().endsWith("Did you mean 'val_loss'?"), error.getMessage());
        assertEquals(0, epochsStarted.get());
        assertFalse(file.toFile().exists());
    }

    @Test
    void aMetricThatIsNotRecordedPointsToMetrics() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Trainer.of(Fixtures.mlp()).quiet()
                .callbacks(new EarlyStopping("f1")).fit(Fixtures.trainBlobs()));

        assertTrue(error.getMessage().endsWith("Metrics other than loss need .metrics(...) on the Trainer."), error.getMessage());
    }

    @Test
    void monitorsThatExistStartTraining() {
        History history = Trainer.of(Fixtures.mlp()).epochs(2).quiet().validation(Fixtures.validationBlobs()).metrics(Metric.ACCURACY)
                .callbacks(new EarlyStopping("val_accuracy").patience(5), new ReduceLROnPlateau("loss"),
                        ModelCheckpoint.keepBest(folder.resolve("best.zip"), "val_loss"))
                .fit(Fixtures.trainBlobs());

        assertEquals(2, history.rowCount());
    }
}
