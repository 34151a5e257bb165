package io.github.nbworkbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import java.util.stream.Stream;
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

class CheckpointTest {

    @TempDir
    Path folder;

    @Test
    void resumingFromACheckpointGivesBitForBitTheParametersOfAnUninterruptedRun() {
        MultiLayerNetwork straight = Fixtures.mlp(new Adam(0.01), 0.5);
        History straightHistory = Trainer.of(straight).epochs(4).seed(2024).validation(Fixtures.validationBlobs())
                .metrics(Metric.ACCURACY).quiet().fit(Fixtures.trainBlobs());

        MultiLayerNetwork interrupted = Fixtures.mlp(new Adam(0.01), 0.5);
        Trainer.of(interrupted).epochs(2).seed(2024).validation(Fixtures.validationBlobs()).metrics(Metric.ACCURACY).quiet()
                .callbacks(ModelCheckpoint.keepLast(folder, 1)).fit(Fixtures.trainBlobs());
        Path checkpoint = ModelCheckpoint.latestIn(folder).orElseThrow();

        MultiLayerNetwork fresh = Fixtures.mlp(new Adam(0.01), 0.5);
        History resumedHistory = Trainer.of(fresh).epochs(4).validation(Fixtures.validationBlobs()).metrics(Metric.ACCURACY)
                .quiet().resumeFrom(checkpoint).fit(Fixtures.trainBlobs());

        assertEquals(straight.params(), fresh.params());
        assertEquals(straight.getUpdater().getStateViewArray(), fresh.getUpdater().getStateViewArray());
        assertEquals(straight.getIterationCount(), fresh.getIterationCount());
        assertEquals(straight.getEpochCount(), fresh.getEpochCount());
        for (String column : List.of("epoch", "loss", "val_loss", "accuracy", "val_accuracy", "lr")) {
            assertEquals(straightHistory.column(column).asList(), resumedHistory.column(column).asList(), column);
        }
    }

    @Test
    void aCheckpointHoldsModelEpochSeedAndHistory() {
        MultiLayerNetwork net = Fixtures.mlp();
        History history = Trainer.of(net).epochs(2).seed(99).quiet().fit(Fixtures.trainBlobs());
        Path file = folder.resolve("run.zip");

        Checkpoint.write(file, TrainableModel.of(net), 2, 99, history);
        Checkpoint loaded = Checkpoint.load(file);

        assertEquals(2, loaded.epoch());
        assertEquals(99, loaded.seed());
        assertEquals(net.params(), loaded.model().params());
        assertEquals(net.getUpdater().getStateViewArray(), ((MultiLayerNetwork) loaded.model()).getUpdater().getStateViewArray());
        assertArrayEquals(history.doubleColumn("loss").asDoubleArray(), loaded.history().doubleColumn("loss").asDoubleArray());
    }

    @Test
    void aWriteThatFailsHalfwayLeavesThePreviousCheckpointAndNoTemporaryFile() throws IOException {
        MultiLayerNetwork net = Fixtures.mlp();
        History history = Trainer.of(net).epochs(1).quiet().fit(Fixtures.trainBlobs());
        Path file = folder.resolve("best.zip");
        Checkpoint.write(file, TrainableModel.of(net), 1, 1, history);
        byte[] good = Files.readAllBytes(file);

        TrainableModel failing = failingWriter(TrainableModel.of(net));
        assertThrows(RuntimeException.class, () -> Checkpoint.write(file, failing, 2, 1, history));

        assertArrayEquals(good, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList());
        }
        assertEquals(1, Checkpoint.load(file).epoch());
    }

    @Test
    void whatAKilledWriteLeftBehindIsDeletedAtTheNextCheckpoint() throws IOException {
        Path best = Files.writeString(folder.resolve(".best.zip." + UUID.randomUUID() + ".tmp"), "half a checkpoint");
        Path epoch = Files.writeString(folder.resolve(".epoch-0007.zip." + UUID.randomUUID() + ".tmp"), "half a checkpoint");
        Path someoneElses = Files.writeString(folder.resolve(".notes.zip." + UUID.randomUUID() + ".tmp"), "not a checkpoint");

        Trainer.of(Fixtures.mlp()).quiet().validation(Fixtures.validationBlobs())
                .callbacks(ModelCheckpoint.keepBest(folder.resolve("best.zip"), "val_loss")).fit(Fixtures.trainBlobs());

        assertEquals(List.of(someoneElses.getFileName().toString(), "best.zip"), fileNames());
        assertFalse(Files.exists(best));
        assertFalse(Files.exists(epoch));
    }

    @Test
    void whatAKilledWriteLeftBehindIsDeletedOnResume() throws IOException {
        MultiLayerNetwork net = Fixtures.mlp();
        Trainer.of(net).seed(3).quiet().callbacks(ModelCheckpoint.keepLast(folder, 2)).fit(Fixtures.trainBlobs());
        Path leftover = Files.writeString(folder.resolve(".epoch-0002.zip." + UUID.randomUUID() + ".tmp"), "half a checkpoint");

        Trainer.of(Fixtures.mlp()).epochs(2).quiet().resumeFrom(folder.resolve("epoch-0001.zip")).fit(Fixtures.trainBlobs());

        assertFalse(Files.exists(leftover));
        assertEquals(List.of("epoch-0001.zip"), fileNames());
    }

    @Test
    void aGarbledPropertiesEntryNamesTheFileAndWhatToDo() throws IOException {
        Path file = folder.resolve("garbled.zip");
        Checkpoint.write(folder.resolve("good.zip"), TrainableModel.of(Fixtures.mlp()), 1, 1,
                Trainer.of(Fixtures.mlp()).quiet().fit(Fixtures.trainBlobs()));
        try (ZipFile good = new ZipFile(folder.resolve("good.zip").toFile());
                ZipOutputStream garbled = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry : Collections.list(good.entries())) {
                garbled.putNextEntry(new ZipEntry(entry.getName()));
                byte[] bytes = good.getInputStream(entry).readAllBytes();
                garbled.write(entry.getName().equals("checkpoint.properties") ? "epoch=\\u12zz\n".getBytes(StandardCharsets.ISO_8859_1) : bytes);
                garbled.closeEntry();
            }
        }

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(file));

        assertEquals("Not a usable checkpoint: " + file.toAbsolutePath() + ": its checkpoint.properties is garbled (Malformed \\uxxxx encoding.)."
                + " Resume from an earlier checkpoint instead.", error.getMessage());
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void resumingIntoADifferentNetworkIsRefusedClearly() {
        MultiLayerNetwork net = Fixtures.mlp();
        History history = Trainer.of(net).epochs(1).quiet().fit(Fixtures.trainBlobs());
        Path file = folder.resolve("run.zip");
        Checkpoint.write(file, TrainableModel.of(net), 1, 5, history);
        var conf = new NeuralNetConfiguration.Builder().updater(new Adam(0.01)).list()
                .layer(new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(Fixtures.FEATURES)).build();
        MultiLayerNetwork wider = new MultiLayerNetwork(conf);
        wider.init();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Trainer.of(wider).epochs(3).quiet().resumeFrom(file).fit(Fixtures.trainBlobs()));

        assertTrue(error.getMessage().contains("parameters"), error.getMessage());
        IllegalArgumentException done = assertThrows(IllegalArgumentException.class,
                () -> Trainer.of(Fixtures.mlp()).epochs(1).quiet().resumeFrom(file).fit(Fixtures.trainBlobs()));
        assertTrue(done.getMessage().contains("already at epoch 1"), done.getMessage());
    }

    /** {@code model}, except that writing it fails after some bytes, like a full disk. */
    private static TrainableModel failingWriter(TrainableModel model) {
        return (TrainableModel) Proxy.newProxyInstance(TrainableModel.class.getClassLoader(), new Class<?>[] {TrainableModel.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("write")) {
                        ((OutputStream) args[0]).write(new byte[1000]);
                        throw new IOException("No space left on device");
                    }
                    return method.invoke(model, args);
                });
    }
}
