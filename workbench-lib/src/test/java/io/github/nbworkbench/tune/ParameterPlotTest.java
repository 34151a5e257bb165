package io.github.nbworkbench.tune;

import static io.github.nbworkbench.tune.FinishedTrials.SPACE;
import static io.github.nbworkbench.tune.FinishedTrials.completed;
import static io.github.nbworkbench.tune.FinishedTrials.failed;
import static io.github.nbworkbench.tune.FinishedTrials.stoppedEarly;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.plot.Charts;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ParameterPlotTest {

    private static final String OBJECTIVE = "val_accuracy";
    private static final List<Trial> TRIALS = List.of(
            completed(0, 0.80, 1e-3, 32, "adam", Double.NaN),
            completed(1, 0.85, 1e-2, 64, "sgd", 0.2),
            failed(2, 1e-1, 128, "sgd", Double.NaN),
            stoppedEarly(3, 0.60, 1e-4, 16, "rmsprop", 0.4),
            completed(4, 0.83, 3e-3, 48, "adam", Double.NaN),
            completed(5, 0.90, 2e-3, 96, "adam", 0.1));

    @Test
    void oneChartPerParameterInTheSpacesOrder() {
        List<XYChart> charts = ParameterPlot.charts(TRIALS, SPACE, OBJECTIVE);

        assertEquals(List.of("learningRate", "width", "optimizer", "dropout", "dropoutRate"),
                charts.stream().map(XYChart::getXAxisTitle).map(title -> title.replaceFirst(" \\(.*", "")).toList());
        assertTrue(charts.stream().allMatch(chart -> chart.getYAxisTitle().equals(OBJECTIVE)));
    }

    @Test
    void aLogRangeIsOnALogAxisSpanningTheRangeSearched() {
        XYChart chart = ParameterPlot.chart(TRIALS, SPACE, OBJECTIVE, "learningRate");

        assertEquals("val_accuracy against learningRate (1 failed, not shown)", chart.getTitle());
        assertEquals("learningRate (log scale)", chart.getXAxisTitle());
        assertTrue(chart.getStyler().isXAxisLogarithmic());
        assertEquals(List.of(ParameterPlot.FRAME, ParameterPlot.COMPLETED, ParameterPlot.STOPPED_EARLY),
                List.copyOf(chart.getSeriesMap().keySet()));
        XYSeries frame = chart.getSeriesMap().get(ParameterPlot.FRAME);
        assertArrayEquals(new double[] {1e-4, 1e-1}, frame.getXData());
        assertArrayEquals(new double[] {0.60, 0.90}, frame.getYData(), "the objective's extent, the same on every chart");
        assertFalse(frame.isShowInLegend());
        XYSeries completed = chart.getSeriesMap().get(ParameterPlot.COMPLETED);
        assertArrayEquals(new double[] {1e-3, 1e-2, 3e-3, 2e-3}, completed.getXData());
        assertArrayEquals(new double[] {0.80, 0.85, 0.83, 0.90}, completed.getYData());
        XYSeries stoppedEarly = chart.getSeriesMap().get(ParameterPlot.STOPPED_EARLY);
        assertArrayEquals(new double[] {1e-4}, stoppedEarly.getXData());
        assertArrayEquals(new double[] {0.60}, stoppedEarly.getYData());
    }

    @Test
    void anIntegerRangeIsOnALinearAxis() {
        XYChart chart = ParameterPlot.chart(TRIALS, SPACE, OBJECTIVE, "width");

        assertFalse(chart.getStyler().isXAxisLogarithmic());
        assertArrayEquals(new double[] {16, 128}, chart.getSeriesMap().get(ParameterPlot.FRAME).getXData());
        assertArrayEquals(new double[] {32, 64, 48, 96}, chart.getSeriesMap().get(ParameterPlot.COMPLETED).getXData());
    }

    @Test
    void choicesSitAtTheirIndexLabelledWithTheirValue() {
        XYChart chart = ParameterPlot.chart(TRIALS, SPACE, OBJECTIVE, "optimizer");

        assertArrayEquals(new double[] {0, 1, 2}, chart.getSeriesMap().get(ParameterPlot.FRAME).getXData(), "every choice, tried or not");
        assertArrayEquals(new double[] {0, 1, 0, 0}, chart.getSeriesMap().get(ParameterPlot.COMPLETED).getXData());
        assertArrayEquals(new double[] {2}, chart.getSeriesMap().get(ParameterPlot.STOPPED_EARLY).getXData());
        assertEquals(List.of(" ", "adam", "sgd", "rmsprop", "  "), List.of(-1.0, 0.0, 1.0, 2.0, 3.0).stream()
                .map(chart.getStyler().getxAxisTickLabelsFormattingFunction()).toList(), "blank ends, one step past the choices");
        assertEquals("  ", chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(0.5));
        assertEquals(-1, chart.getStyler().getXAxisMin());
        assertEquals(3, chart.getStyler().getXAxisMax());
    }

    @Test
    void aFlagIsAChoiceOfTrueAndFalse() {
        XYChart chart = ParameterPlot.chart(TRIALS, SPACE, OBJECTIVE, "dropout");

        assertArrayEquals(new double[] {1, 0, 1, 0}, chart.getSeriesMap().get(ParameterPlot.COMPLETED).getXData());
        assertEquals("true", chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(0.0));
    }

    @Test
    void aConditionalParameterShowsOnlyTheTrialsThatHaveIt() {
        XYChart chart = ParameterPlot.chart(TRIALS, SPACE, OBJECTIVE, "dropoutRate");

        assertEquals("val_accuracy against dropoutRate (1 failed, not shown)", chart.getTitle());
        assertEquals("dropoutRate (in 3 of 5 trials)", chart.getXAxisTitle());
        assertArrayEquals(new double[] {0.2, 0.1}, chart.getSeriesMap().get(ParameterPlot.COMPLETED).getXData());
        assertArrayEquals(new double[] {0.85, 0.90}, chart.getSeriesMap().get(ParameterPlot.COMPLETED).getYData());
        assertArrayEquals(new double[] {0.4}, chart.getSeriesMap().get(ParameterPlot.STOPPED_EARLY).getXData());
    }

    @Test
    void aParameterNoTrialHasStillDrawsItsRange() {
        List<Trial> withoutDropout = List.of(completed(0, 0.8, 1e-3, 32, "adam", Double.NaN), completed(1, 0.7, 1e-3, 32, "sgd", Double.NaN));

        XYChart chart = ParameterPlot.chart(withoutDropout, SPACE, OBJECTIVE, "dropoutRate");

        assertEquals("val_accuracy against dropoutRate", chart.getTitle());
        assertEquals("dropoutRate (in 0 of 2 trials)", chart.getXAxisTitle());
        assertEquals(List.of(ParameterPlot.FRAME), List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals(800, Charts.image(List.of(chart), 1).getWidth());
    }

    @Test
    void anUnknownParameterIsNamedWithTheKnownOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ParameterPlot.chart(TRIALS, SPACE, OBJECTIVE, "momentum"));

        assertTrue(error.getMessage().contains("no parameter 'momentum'; it has [learningRate, width, optimizer, dropout, dropoutRate]"),
                error.getMessage());
    }

    @Test
    void everyChartDraws() {
        List<XYChart> charts = ParameterPlot.charts(TRIALS, SPACE, OBJECTIVE);
        BufferedImage image = Charts.image(charts, 2);

        assertEquals(1600, image.getWidth());
        assertEquals(1500, image.getHeight());
    }
}
