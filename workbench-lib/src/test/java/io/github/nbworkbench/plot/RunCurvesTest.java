package io.github.nbworkbench.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class RunCurvesTest {

    private static Map<String, Table> runs() {
        Map<String, Table> runs = new LinkedHashMap<>();
        runs.put("baseline", Histories.small());
        runs.put("no validation", Table.create("b", IntColumn.create("epoch", 1, 2, 3),
                DoubleColumn.create("accuracy", 0.5, 0.6, 0.7)));
        return runs;
    }

    @Test
    void overlaysEveryRunWithItsValidationDashed() {
        XYChart chart = RunCurves.chart(runs(), "accuracy");

        assertEquals("accuracy by run", chart.getTitle());
        assertEquals("epoch", chart.getXAxisTitle());
        assertEquals("accuracy", chart.getYAxisTitle());
        assertEquals(List.of("baseline training", "baseline validation", "no validation training"),
                List.copyOf(chart.getSeriesMap().keySet()));
        XYSeries training = chart.getSeriesMap().get("baseline training");
        XYSeries validation = chart.getSeriesMap().get("baseline validation");
        assertEquals(SeriesLines.DASH_DASH, validation.getLineStyle());
        assertEquals(SeriesLines.SOLID, training.getLineStyle());
        assertEquals(training.getLineColor(), validation.getLineColor());
        assertArrayEquals(new double[] {0.5, 0.6, 0.7}, chart.getSeriesMap().get("no validation training").getYData());
    }

    @Test
    void validationNameMeansTheSameMetric() {
        assertEquals("accuracy by run", RunCurves.chart(runs(), "val_accuracy").getTitle());
    }

    @Test
    void explainsARunWithoutTheMetric() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> RunCurves.chart(runs(), "loss"));

        assertTrue(error.getMessage().contains("'loss'") && error.getMessage().contains("[accuracy]"), error.getMessage());
    }
}
