package io.github.nbworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.plot.RunComparison;
import io.github.nbworkbench.train.History;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

class RunSummaryTest {

    @Test
    void oneRowPerRunWithTheGapBetweenValidationAndTrainingLoss() {
        Map<String, History> runs = new LinkedHashMap<>();
        runs.put("baseline", history(new double[] {1.0, 0.5, 0.2}, new double[] {1.1, 0.9, 1.0}));
        runs.put("dropout", history(new double[] {1.2, 0.8, 0.6}, new double[] {1.2, 0.8, 0.7}));

        Table table = RunSummary.of(runs);

        assertEquals(List.of("run", "epochs", "best_epoch", "loss", "val_loss", "gap", "accuracy", "val_accuracy"), table.columnNames());
        assertEquals(List.of("baseline", "dropout"), table.stringColumn("run").asList());
        assertEquals(List.of(2, 3), table.intColumn("best_epoch").asList());
        assertEquals(0.8, table.doubleColumn("gap").get(0), 1e-12);
        assertEquals(0.1, table.doubleColumn("gap").get(1), 1e-12);
        assertEquals(0.5, table.doubleColumn("val_accuracy").get(1), 1e-12);
    }

    @Test
    void lossesPrintWithFourSignificantDigits() {
        Map<String, History> runs = new LinkedHashMap<>();
        runs.put("lstm", history(new double[] {171.23456, 150.98765}, new double[] {0.000123456, 0.0000234567}));

        Table table = RunSummary.of(runs);

        assertEquals("151", table.getString(0, "loss"));
        assertEquals("2.346E-5", table.getString(0, "val_loss"));
        assertEquals(150.98765, table.doubleColumn("loss").getDouble(0));
    }

    @Test
    void theGapChartDrawsValidationMinusTrainingPerEpoch() {
        Map<String, History> runs = new LinkedHashMap<>();
        runs.put("baseline", history(new double[] {1.0, 0.5, 0.2}, new double[] {1.1, 0.9, 1.0}));

        XYChart chart = RunComparison.gap(runs, "loss");

        double[] gap = chart.getSeriesMap().get("baseline").getYData();
        assertEquals(0.1, gap[0], 1e-12);
        assertEquals(0.8, gap[2], 1e-12);
        assertTrue(chart.getTitle().contains("Gap"), chart.getTitle());
        assertEquals("epoch", chart.getXAxisTitle());
    }

    @Test
    void aTableThatIsNotAHistoryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RunSummary.of(Map.of()));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RunSummary.of(Map.of("x", Table.create("not a history"))));
        assertTrue(error.getMessage().contains("no numeric 'epoch' column"), error.getMessage());
    }

    private static History history(double[] loss, double[] validationLoss) {
        History history = History.of(List.of("accuracy"), true);
        for (int i = 0; i < loss.length; i++) {
            history.append(i + 1, Map.of("loss", loss[i], "val_loss", validationLoss[i], "accuracy", 0.5, "val_accuracy", 0.5));
        }
        return history;
    }
}
