package io.github.nbworkbench.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

class LabeledPointsTest {

    @Test
    void onePointPerLabelNamedInTheLegendLeavingOutMissingOnes() {
        XYChart chart = LabeledPoints.chart("Latency vs accuracy", "p50 (ms)", "accuracy (%)", List.of("FP32", "FP16 file", "int8"),
                new double[] {4.0, Double.NaN, 5.0}, new double[] {91.5, 91.5, 91.4});

        assertEquals(List.of("FP32", "int8"), List.copyOf(chart.getSeriesMap().keySet()));
        XYSeries int8 = chart.getSeriesMap().get("int8");
        assertArrayEquals(new double[] {5.0}, int8.getXData());
        assertArrayEquals(new double[] {91.4}, int8.getYData());
        assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, int8.getXYSeriesRenderStyle() == null
                ? chart.getStyler().getDefaultSeriesRenderStyle() : int8.getXYSeriesRenderStyle());
        assertEquals(ChartStyle.color(2).getRGB() & 0xffffff, int8.getMarkerColor().getRGB() & 0xffffff);
        assertEquals(LabeledPoints.OPACITY, int8.getMarkerColor().getAlpha());
        assertEquals("p50 (ms)", chart.getXAxisTitle());
    }

    @Test
    void pointsOnOneAnotherDifferInColourAndShape() {
        XYChart chart = LabeledPoints.chart("t", "x", "y", List.of("FP32", "ONNX Runtime"), new double[] {3.3, 3.3}, new double[] {91.5, 91.5});

        XYSeries first = chart.getSeriesMap().get("FP32");
        XYSeries second = chart.getSeriesMap().get("ONNX Runtime");
        assertEquals(SeriesMarkers.CIRCLE, first.getMarker());
        assertNotEquals(first.getMarker(), second.getMarker());
        assertNotEquals(first.getMarkerColor(), second.getMarkerColor());
    }

    @Test
    void axesLeaveAMarginAroundThePoints() {
        XYChart spread = LabeledPoints.chart("t", "x", "y", List.of("a", "b"), new double[] {0, 10}, new double[] {90, 92});
        XYChart single = LabeledPoints.chart("t", "x", "y", List.of("a"), new double[] {4}, new double[] {0});

        assertEquals(-0.8, spread.getStyler().getXAxisMin(), 1e-12);
        assertEquals(10.8, spread.getStyler().getXAxisMax(), 1e-12);
        assertEquals(89.84, spread.getStyler().getYAxisMin(), 1e-12);
        assertEquals(92.16, spread.getStyler().getYAxisMax(), 1e-12);
        assertEquals(3.68, single.getStyler().getXAxisMin(), 1e-12);
        assertEquals(4.32, single.getStyler().getXAxisMax(), 1e-12);
        assertEquals(-0.08, single.getStyler().getYAxisMin(), 1e-12);
    }

    @Test
    void refusesRepeatedLabelsMismatchedLengthsAndNothingToPlot() {
        IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class,
                () -> LabeledPoints.chart("t", "x", "y", List.of("a", "a"), new double[2], new double[2]));
        assertTrue(repeated.getMessage().contains("[a, a]"), repeated.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LabeledPoints.chart("t", "x", "y", List.of("a"), new double[2], new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> LabeledPoints.chart("t", "x", "y", List.of("a"), new double[] {Double.NaN}, new double[] {1}));
    }
}
