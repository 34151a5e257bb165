package io.github.nbworkbench.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.train.LrFinderResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class LrFinderPlotTest {

    private static Table results() {
        return Table.create("lr finder",
                DoubleColumn.create("lr", 1e-4, 1e-3, 1e-2, 1e-1, 1),
                DoubleColumn.create("loss", 2.3, 2.2, 1.5, 1.9, 40),
                DoubleColumn.create("smoothed_loss", 2.3, 2.25, 1.9, 1.9, 15));
    }

    @Test
    void plotsLossAndSmoothedLossOnALogAxisAndMarksTheSuggestion() {
        XYChart chart = LrFinderPlot.chart(results(), 0.01);

        assertEquals("Learning rate finder", chart.getTitle());
        assertEquals("learning rate (log scale)", chart.getXAxisTitle());
        assertEquals("loss", chart.getYAxisTitle());
        assertTrue(chart.getStyler().isXAxisLogarithmic());
        assertEquals(List.of("loss", "smoothed loss", "suggested lr 1.0e-02"), List.copyOf(chart.getSeriesMap().keySet()));
        assertArrayEquals(new double[] {2.3, 2.25, 1.9, 1.9, 15}, chart.getSeriesMap().get("smoothed loss").getYData());
        assertArrayEquals(new double[] {0.01, 0.01}, chart.getSeriesMap().get("suggested lr 1.0e-02").getXData());
    }

    @Test
    void yAxisStopsBeforeTheDivergence() {
        XYChart chart = LrFinderPlot.chart(results(), 0.01);

        assertEquals(LrFinderPlot.Y_AXIS_LIMIT * 2.3, chart.getStyler().getYAxisMax(), 1e-12);
        assertEquals(1.5, chart.getStyler().getYAxisMin(), 1e-12);
    }

    @Test
    void aFinderResultIsPlottedWithItsSuggestedRate() {
        XYChart chart = LrFinderPlot.chart(new LrFinderResult(results(), 0.02, 0.01, "swept 5 batches"));

        assertArrayEquals(new double[] {0.02, 0.02}, chart.getSeriesMap().get("suggested lr 2.0e-02").getXData());
    }

    @Test
    void withoutSuggestionThereIsNoMarker() {
        assertEquals(2, LrFinderPlot.chart(results()).getSeriesMap().size());
    }

    @Test
    void explainsMissingColumnsAndNonPositiveRates() {
        Table noLr = Table.create("x", DoubleColumn.create("loss", 1.0));
        Table zeroLr = Table.create("x", DoubleColumn.create("lr", 0.0, 0.1), DoubleColumn.create("loss", 1.0, 0.9));

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> LrFinderPlot.chart(noLr, 0.1));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> LrFinderPlot.chart(zeroLr, 0.1));

        assertTrue(missing.getMessage().contains("'lr'"), missing.getMessage());
        assertTrue(zero.getMessage().contains("positive"), zero.getMessage());
    }
}
