package io.github.nbworkbench.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class LearningCurvesTest {

    @Test
    void oneChartPerMetricWithoutTheBookkeepingColumns() {
        LearningCurves curves = LearningCurves.of(Histories.small());

        assertEquals(List.of("loss", "accuracy"), curves.metrics());
        assertEquals(2, curves.charts().size());
    }

    @Test
    void lossChartHasTitleAxesAndTrainingAndValidationData() {
        XYChart chart = LearningCurves.of(Histories.small()).chart("loss");

        assertEquals("loss per epoch", chart.getTitle());
        assertEquals("epoch", chart.getXAxisTitle());
        assertEquals("loss", chart.getYAxisTitle());
        assertEquals(800, chart.getWidth());
        assertEquals(500, chart.getHeight());
        assertEquals(List.of(LearningCurves.TRAINING, LearningCurves.VALIDATION), List.copyOf(chart.getSeriesMap().keySet()));
        XYSeries validation = chart.getSeriesMap().get(LearningCurves.VALIDATION);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, validation.getXData());
        assertArrayEquals(new double[] {1.1, 0.7, 0.5, 0.45, 0.5}, validation.getYData());
    }

    @Test
    void metricWithoutValidationIsPlottedForTrainingOnly() {
        Table history = Table.create("h", IntColumn.create("epoch", 1, 2), DoubleColumn.create("loss", 0.9, 0.5));

        XYChart chart = LearningCurves.of(history).chart("loss");

        assertEquals(List.of(LearningCurves.TRAINING), List.copyOf(chart.getSeriesMap().keySet()));
    }

    @Test
    void missingValidationValuesAreLeftOut() {
        DoubleColumn valLoss = DoubleColumn.create("val_loss", 1.0, Double.NaN, 0.6);
        Table history = Table.create("h", IntColumn.create("epoch", 1, 2, 3),
                DoubleColumn.create("loss", 0.9, 0.7, 0.5), valLoss);

        XYSeries validation = LearningCurves.of(history).chart("loss").getSeriesMap().get(LearningCurves.VALIDATION);

        assertArrayEquals(new double[] {1, 3}, validation.getXData());
        assertArrayEquals(new double[] {1.0, 0.6}, validation.getYData());
    }

    @Test
    void markersOnlyForShortSeries() {
        XYSeries shortRun = LearningCurves.of(Histories.small()).chart("loss").getSeriesMap().get(LearningCurves.TRAINING);
        XYSeries longRun = LearningCurves.of(Histories.synthetic("long", 80, 0.1)).chart("loss")
                .getSeriesMap().get(LearningCurves.TRAINING);

        assertEquals(SeriesMarkers.CIRCLE, shortRun.getMarker());
        assertEquals(SeriesMarkers.NONE, longRun.getMarker());
    }

    @Test
    void longRunsGetHalfAnEpochOfRoomSoTicksFallOnRoundValues() {
        XYChart longRun = LearningCurves.of(Histories.synthetic("long", 40, 0.1)).chart("loss");
        XYChart shortRun = LearningCurves.of(Histories.small()).chart("loss");

        assertEquals(0.5, longRun.getStyler().getXAxisMin());
        assertEquals(40.5, longRun.getStyler().getXAxisMax());
        assertEquals(null, shortRun.getStyler().getXAxisMin(), "short runs label every epoch");
    }

    @Test
    void gridPutsTwoChartsSideBySide() {
        BufferedImage grid = LearningCurves.of(Histories.small()).image();

        assertEquals(1600, grid.getWidth());
        assertEquals(500, grid.getHeight());
        assertEquals(1000, LearningCurves.of(Histories.small()).image(1).getHeight());
    }

    @Test
    void explainsATableWithoutEpochs() {
        Table notAHistory = Table.create("scores", DoubleColumn.create("loss", 1.0));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> LearningCurves.of(notAHistory));

        assertTrue(error.getMessage().contains("'epoch'") && error.getMessage().contains("[loss]"), error.getMessage());
    }

    @Test
    void explainsAnUnknownMetric() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LearningCurves.of(Histories.small()).chart("f1"));

        assertTrue(error.getMessage().contains("[loss, accuracy]"), error.getMessage());
    }
}
