package io.github.nbworkbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.eval.ConfusionMatrix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;

class ConfusionHeatmapTest {

    private static final ConfusionMatrix MATRIX = ConfusionMatrix.of(
            new int[] {0, 0, 0, 1, 1, 2, 2, 2, 2, 0}, new int[] {0, 1, 0, 1, 1, 2, 0, 2, 1, 0}, List.of("cat", "dog", "bird"));

    @Test
    void predictedOnXTrueOnYFirstClassOnTop() {
        HeatMapChart chart = ConfusionHeatmap.chart(MATRIX);
        HeatMapSeries series = chart.getHeatMapSeries();

        assertEquals("Confusion matrix (counts)", chart.getTitle());
        assertEquals("predicted class", chart.getXAxisTitle());
        assertEquals("true class", chart.getYAxisTitle());
        assertEquals(List.of("cat", "dog", "bird"), series.getXData());
        assertEquals(List.of("bird", "dog", "cat"), series.getYData());
        assertTrue(chart.getStyler().isShowValue());
        assertEquals("0", chart.getStyler().getHeatMapValueDecimalPattern());
        // true cat (top row, y index 2) predicted dog (x index 1): 1 example
        assertTrue(cells(series).stream().anyMatch(cell -> cell[0].intValue() == 1 && cell[1].intValue() == 2
                && cell[2].doubleValue() == 1), "cell (pred dog, true cat) should hold 1");
        assertEquals(9, series.getHeatData().size());
    }

    @Test
    void normalizedCellsAreRowFractions() {
        HeatMapChart chart = ConfusionHeatmap.normalizedChart(MATRIX);
        HeatMapSeries series = chart.getHeatMapSeries();

        assertEquals("0.00", chart.getStyler().getHeatMapValueDecimalPattern());

        Number[] catAsCat = cells(series).stream()
                .filter(cell -> cell[0].intValue() == 0 && cell[1].intValue() == 2).findFirst().orElseThrow();
        assertEquals(0.75, catAsCat[2].doubleValue(), 1e-12);
    }

    /** Each cell is {x index, y index, value}. */
    private static List<Number[]> cells(HeatMapSeries series) {
        return new ArrayList<Number[]>(series.getHeatData());
    }
}
