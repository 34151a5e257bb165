package io.github.nbworkbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCheckpointTest {

    @TempDir
    Path folder;

    @Test
    void keepLastKeepsTheNewestNFilesAndNoTemporaries() throws IOException {
        MultiLayerNetwork net = Fixtures.mlp();
        Trainer.of(net).epochs(4).quiet().callbacks(ModelCheckpoint.keepLast(folder, 2)).fit(Fixtures.trainBlobs());

        assertEquals(List.of("epoch-0003.zip", "epoch-0004.zip"), fileNames());
        assertEquals(folder.resolve("epoch-0004.zip"), ModelCheckpoint.latestIn(folder).orElseThrow());
        Checkpoint last = Checkpoint.load(folder.resolve("epoch-0004.zip"));
        assertEquals(4, last.epoch());
        assertEquals(4, last.history().rowCount());
        assertEquals(net.params(), last.model().params());
    }

    @Test
    void aTruncatedCheckpointIsRefusedAndThePreviousOneStillLoads() throws IOException {
        Trainer.of(Fixtures.mlp()).epochs(3).quiet().callbacks(ModelCheckpoint.keepLast(folder, 2)).fit(Fixtures.trainBlobs());
        Path newest = folder.resolve("epoch-0003.zip");
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(newest));

        assertTrue(error.getMessage().contains("Not a usable checkpoint"), error.getMessage());
        assertTrue(error.getMessage().contains("truncated"), error.getMessage());
        assertTrue(error.getMessage().contains("epoch-0003.zip"), error.getMessage());
        assertEquals(2, Checkpoint.load(folder.resolve("epoch-0002.zip")).epoch());
    }

    @Test
    void aFileThatIsNotACheckpointIsRefused() throws IOException {
        Path text = Files.writeString(folder.resolve("notes.zip"), "not a model");
        Path otherZip = folder.resolve("other.zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(otherZip))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write("hello".getBytes());
        }

        assertTrue(assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(text)).getMessage().contains("not a zip"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(otherZip)).getMessage()
                .contains("no checkpoint.properties"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(folder.resolve("missing.zip"))).getMessage()
                .contains("No checkpoint at"));
    }

    @Test
    void keepBestWritesOnlyWhenTheMonitorImproves() {
        Path best = folder.resolve("best.zip");
        ScriptedRun run = new ScriptedRun(5);

        run.run(ModelCheckpoint.keepBest(best, "val_loss"), "val_loss", 1.0, 0.5, 0.7, 0.6);

        Checkpoint checkpoint = Checkpoint.load(best);
        assertEquals(2, checkpoint.epoch());
        assertEquals(42, checkpoint.seed());
        assertArrayEquals(new double[] {1.0, 0.5}, checkpoint.history().doubleColumn("val_loss").asDoubleArray());
    }

    @Test
    void keepBestWithModeMaxFollowsAccuracy() {
        Path best = folder.resolve("best.zip");
        ScriptedRun run = new ScriptedRun(5, List.of("accuracy"), true);

        run.run(ModelCheckpoint.keepBest(best, "val_accuracy").mode(Mode.MAX), "val_accuracy", 0.5, 0.9, 0.7);

        assertEquals(2, Checkpoint.load(best).epoch());
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
