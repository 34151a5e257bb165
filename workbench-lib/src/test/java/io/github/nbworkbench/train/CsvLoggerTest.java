package io.github.nbworkbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoggerTest {

    @TempDir
    Path folder;

    @Test
    void writesAHeaderAndOneRowPerEpochThatReadBackAsTheHistory() throws IOException {
        Path log = folder.resolve("logs/run.csv");

        History history = Trainer.of(Fixtures.mlp()).epochs(3).validation(Fixtures.validationBlobs()).metrics(Metric.ACCURACY)
                .quiet().callbacks(new CsvLogger(log)).fit(Fixtures.trainBlobs());

        List<String> lines = Files.readAllLines(log);
        assertEquals(4, lines.size());
        assertEquals("epoch,loss,val_loss,accuracy,val_accuracy,lr,seconds,samples_per_s", lines.get(0));
        History read = History.load(log);
        assertEquals(history.columnNames(), read.columnNames());
        for (String column : List.of("loss", "val_loss", "accuracy", "val_accuracy", "lr")) {
            assertArrayEquals(history.doubleColumn(column).asDoubleArray(), read.doubleColumn(column).asDoubleArray(), column);
        }
    }

    @Test
    void appendKeepsEarlierRowsAndTheHeaderOnce() throws IOException {
        Path log = folder.resolve("run.csv");
        var net = Fixtures.mlp();
        Trainer.of(net).epochs(2).quiet().callbacks(new CsvLogger(log)).fit(Fixtures.trainBlobs());

        Trainer.of(net).epochs(1).quiet().callbacks(new CsvLogger(log).append()).fit(Fixtures.trainBlobs());

        assertEquals(4, Files.readAllLines(log).size());
        Trainer.of(net).epochs(1).quiet().callbacks(new CsvLogger(log)).fit(Fixtures.trainBlobs());
        assertEquals(2, Files.readAllLines(log).size(), "without append a new run starts the file anew");
    }

    @Test
    void aMissingValueIsAnEmptyCell() throws IOException {
        Path log = folder.resolve("run.csv");
        ScriptedRun run = new ScriptedRun(2);

        run.run(new CsvLogger(log), "val_loss", Double.NaN);

        String row = Files.readAllLines(log).get(1);
        assertEquals("1,1.0,,0.01,1.0,1.0", row);
        assertEquals(Double.NaN, History.load(log).value("val_loss", 1));
    }
}
