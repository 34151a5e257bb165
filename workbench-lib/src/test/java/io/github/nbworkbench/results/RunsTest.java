package io.github.nbworkbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.train.History;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.lines.SeriesLines;
import tech.tablesaw.api.Table;

class RunsTest {

    @TempDir
    Path folder;

    @Test
    void oneRowPerRunWithTheGapBetweenValidationAndTrainingLoss() {
        Map<String, History> histories = new LinkedHashMap<>();
        histories.put("baseline", history(new double[] {1.0, 0.5, 0.2}, new double[] {1.1, 0.9, 1.0}));
        histories.put("dropout", history(new double[] {1.2, 0.8, 0.6}, new double[] {1.2, 0.8, 0.7}));

        Table table = Runs.of(histories).table();

        assertEquals(List.of("run", "epochs", "best_epoch", "model_epoch", "training_s", "samples_per_s", "loss", "val_loss", "gap",
                "accuracy", "val_accuracy"), table.columnNames());
        assertEquals(List.of("baseline", "dropout"), table.stringColumn("run").asList());
        assertEquals(List.of(3, 3), table.intColumn("epochs").asList());
        assertEquals(List.of(2, 3), table.intColumn("best_epoch").asList());
        assertEquals(List.of(3, 3), table.intColumn("model_epoch").asList());
        assertEquals(0.8, table.doubleColumn("gap").get(0), 1e-12);
        assertEquals(0.1, table.doubleColumn("gap").get(1), 1e-12);
        assertEquals(0.2, table.doubleColumn("loss").get(0), 1e-12);
        assertEquals(1.0, table.doubleColumn("val_loss").get(0), 1e-12);
        assertEquals(0.5, table.doubleColumn("val_accuracy").get(1), 1e-12);
        assertEquals(3 * 2.5, table.doubleColumn("training_s").get(0), 1e-12, "the epochs' seconds summed");
        assertEquals(1000, table.doubleColumn("samples_per_s").get(0), 1e-9, "the mean of 900, 1000, 1100");
    }

    @Test
    void aRunWithoutValidationHasMissingValidationColumns() {
        History training = History.of(List.of(), false);
        training.append(1, Map.of("loss", 0.7));

        Table table = Runs.of("no validation", training).table();

        assertTrue(table.intColumn("best_epoch").isMissing(0));
        assertTrue(table.doubleColumn("val_loss").isMissing(0));
        assertTrue(table.doubleColumn("gap").isMissing(0));
        assertTrue(table.doubleColumn("training_s").isMissing(0), "no seconds recorded: missing, not 0");
        assertEquals(0.7, table.doubleColumn("loss").getDouble(0), 1e-12);
    }

    @Test
    void lossesPrintWithFourSignificantDigits() {
        Table table = Runs.of("lstm", history(new double[] {171.23456, 150.98765}, new double[] {0.000123456, 0.0000234567})).table();

        assertEquals("151", table.getString(0, "loss"));
        assertEquals("2.346E-5", table.getString(0, "val_loss"));
        assertEquals(150.98765, table.doubleColumn("loss").getDouble(0));
    }

    @Test
    void theGapChartDrawsValidationMinusTrainingPerEpoch() {
        XYChart chart = Runs.of("baseline", history(new double[] {1.0, 0.5, 0.2}, new double[] {1.1, 0.9, 1.0})).gapChart("loss");

        double[] gap = chart.getSeriesMap().get("baseline").getYData();
        assertEquals(0.1, gap[0], 1e-12);
        assertEquals(0.8, gap[2], 1e-12);
        assertTrue(chart.getTitle().contains("Gap"), chart.getTitle());
        assertEquals("epoch", chart.getXAxisTitle());
    }

    @Test
    void theChartOverlaysTheRunsInTheirOrder() {
        Runs runs = Runs.of("b", history(new double[] {1.0, 0.5}, new double[] {1.1, 0.9}))
                .and("a", history(new double[] {0.9, 0.4}, new double[] {1.0, 0.8}));

        XYChart chart = runs.chart("loss");

        assertEquals(List.of("b training", "b validation", "a training", "a validation"), List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals(SeriesLines.DASH_DASH, chart.getSeriesMap().get("a validation").getLineStyle());
        assertEquals(List.of("b", "a"), runs.names());
        assertEquals(List.of("a"), runs.only("a").names());
    }

    @Test
    void noRunsUnknownRunsAndTwoRunsOfOneNameAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Runs.of(Map.of()));
        Runs runs = Runs.of("a", history(new double[] {1.0}, new double[] {1.1}));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> runs.history("b"));
        assertTrue(unknown.getMessage().contains("no run 'b'") && unknown.getMessage().contains("[a]"), unknown.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> runs.and("a", runs.history("a")));
        assertTrue(twice.getMessage().contains("'a' already"), twice.getMessage());
    }

    @Test
    void savedRunsWithCardsGetTheCardsColumns() {
        History history = history(new double[] {1.0, 0.5}, new double[] {1.1, 0.9});
        RunExport.of("carded").history(history).card(RunCard.builder().seed(3).history(history).metric("test_accuracy", 0.75).build())
                .save(folder);
        RunExport.of("plain").history(history).save(folder);

        Runs runs = SavedRun.loadAll(folder);
        Table table = runs.table();

        assertEquals(List.of("run", "epochs", "best_epoch", "model_epoch", "training_s", "samples_per_s", "seed", "data_hash", "deterministic",
                "loss", "val_loss", "gap", "accuracy", "val_accuracy", "test_accuracy"), table.columnNames());
        assertEquals(List.of("carded", "plain"), table.stringColumn("run").asList());
        assertEquals(List.of("3", ""), table.stringColumn("seed").asList());
        assertEquals(List.of("not checked", "not checked"), table.stringColumn("deterministic").asList());
        assertEquals(0.75, table.doubleColumn("test_accuracy").getDouble(0), 0);
        assertTrue(table.doubleColumn("test_accuracy").isMissing(1));
        assertEquals(0.4, table.doubleColumn("gap").getDouble(1), 1e-12);
        assertEquals(3L, runs.card("carded").orElseThrow().seed());
    }

    /** A History as Trainer.fit records it: loss, val_loss, accuracy, val_accuracy, lr, seconds (2.5 each) and samples_per_s (900, 1000, 1100, ...). */
    private static History history(double[] loss, double[] validationLoss) {
        History history = History.of(List.of("accuracy"), true);
        for (int i = 0; i < loss.length; i++) {
            history.append(i + 1, Map.of("loss", loss[i], "val_loss", validationLoss[i], "accuracy", 0.5, "val_accuracy", 0.5,
                    "lr", 0.01, "seconds", 2.5, "samples_per_s", 900.0 + 100 * i));
        }
        return history;
    }
}
