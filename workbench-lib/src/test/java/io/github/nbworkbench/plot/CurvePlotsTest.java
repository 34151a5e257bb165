package io.github.nbworkbench.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.eval.PrecisionRecallCurve;
import io.github.nbworkbench.eval.RocCurve;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

class CurvePlotsTest {

    private static final double[] SCORES = {0.4, 0.9, 0.2, 0.7, 0.6, 0.55, 0.8, 0.4};
    private static final boolean[] CATS = {true, true, false, false, true, false, true, false};
    private static final boolean[] DOGS = {false, false, true, true, false, true, false, true};

    @Test
    void precisionRecallCurvesAreOverlaidWithTheirBestF1Marked() {
        PrecisionRecallCurve cat = PrecisionRecallCurve.of(SCORES, CATS, "cat");
        PrecisionRecallCurve dog = PrecisionRecallCurve.of(SCORES, DOGS, "dog");

        XYChart chart = PrecisionRecallPlot.chart(cat, dog);

        assertEquals("Precision-recall curves (one class vs the rest)", chart.getTitle());
        assertEquals("recall", chart.getXAxisTitle());
        assertEquals("precision", chart.getYAxisTitle());
        String catLine = "cat (AP 0.830; best F1 0.750 at threshold 0.600)";
        String dogLine = String.format(Locale.ROOT, "dog (AP %.3f; best F1 %.3f at threshold %.3f)",
                dog.averagePrecision(), dog.bestF1().f1(), dog.bestF1().threshold());
        assertEquals(List.of(Curves.FRAME, catLine, "cat" + PrecisionRecallPlot.BEST_F1, dogLine, "dog" + PrecisionRecallPlot.BEST_F1),
                List.copyOf(chart.getSeriesMap().keySet()));
        assertArrayEquals(cat.recall(), chart.getSeriesMap().get(catLine).getXData());
        assertArrayEquals(new double[] {0.75}, chart.getSeriesMap().get("cat" + PrecisionRecallPlot.BEST_F1).getYData());
        assertFalse(chart.getSeriesMap().get("cat" + PrecisionRecallPlot.BEST_F1).isShowInLegend());
        assertReadable(chart);
    }

    @Test
    void rocCurvesCarryTheirAucAndTheChanceDiagonal() {
        XYChart chart = RocPlot.chart(List.of(RocCurve.of(SCORES, CATS, "cat")));

        assertEquals("false-positive rate", chart.getXAxisTitle());
        assertEquals("true-positive rate (recall)", chart.getYAxisTitle());
        assertEquals(List.of(Curves.FRAME, "cat (AUC 0.781)", RocPlot.CHANCE), List.copyOf(chart.getSeriesMap().keySet()));
        assertFalse(chart.getSeriesMap().get(Curves.FRAME).isShowInLegend());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.5, 0.75, 0.75, 1, 1},
                chart.getSeriesMap().get("cat (AUC 0.781)").getYData(), 1e-12);
        assertReadable(chart);
    }

    @Test
    void refusesNoCurvesAndTheSameClassTwice() {
        PrecisionRecallCurve cat = PrecisionRecallCurve.of(SCORES, CATS, "cat");

        assertThrows(IllegalArgumentException.class, () -> PrecisionRecallPlot.chart(List.of()));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> PrecisionRecallPlot.chart(cat, cat));

        assertTrue(twice.getMessage().contains("[cat, cat]"), twice.getMessage());
    }

    private static void assertReadable(XYChart chart) {
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
        assertEquals(1.0, chart.getStyler().getXAxisMax());
        assertEquals(0.0, chart.getStyler().getYAxisMin());
    }
}
