package io.github.nbworkbench.tune;

import static io.github.nbworkbench.tune.FinishedTrials.completed;
import static io.github.nbworkbench.tune.FinishedTrials.failed;
import static io.github.nbworkbench.tune.FinishedTrials.stoppedEarly;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.plot.Charts;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Mode;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ObjectivePlotTest {

    private static final String ACCURACY = History.validation("accuracy");

    /** Trial 6, stopped early, beats every completed trial but is no candidate for the best: its objective is from fewer epochs. */
    private static final List<Trial> TRIALS = List.of(
            completed(0, 0.80, 1e-3, 32, "adam", Double.NaN),
            completed(1, 0.85, 1e-2, 64, "sgd", 0.2),
            failed(2, 1e-1, 128, "sgd", Double.NaN),
            stoppedEarly(3, 0.60, 1e-4, 16, "rmsprop", 0.4),
            completed(4, 0.83, 3e-3, 48, "adam", Double.NaN),
            completed(5, 0.90, 2e-3, 96, "adam", 0.1),
            stoppedEarly(6, 0.95, 5e-2, 20, "sgd", Double.NaN));

    @Test
    void completedAndStoppedEarlyTrialsAreTwoSeriesUnderTheBestSoFar() {
        XYChart chart = ObjectivePlot.chart(TRIALS, ACCURACY, Mode.AUTO);

        assertEquals("val_accuracy over 7 trials (best 0.9, trial 5; 1 failed, not shown)", chart.getTitle());
        assertEquals("trial", chart.getXAxisTitle());
        assertEquals("val_accuracy (higher is better)", chart.getYAxisTitle());
        assertEquals(List.of(ObjectivePlot.COMPLETED, ObjectivePlot.STOPPED_EARLY, ObjectivePlot.BEST_SO_FAR),
                List.copyOf(chart.getSeriesMap().keySet()));
        XYSeries completed = chart.getSeriesMap().get(ObjectivePlot.COMPLETED);
        assertArrayEquals(new double[] {0, 1, 4, 5}, completed.getXData());
        assertArrayEquals(new double[] {0.80, 0.85, 0.83, 0.90}, completed.getYData());
        assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, completed.getXYSeriesRenderStyle());
        XYSeries stoppedEarly = chart.getSeriesMap().get(ObjectivePlot.STOPPED_EARLY);
        assertArrayEquals(new double[] {3, 6}, stoppedEarly.getXData());
        assertArrayEquals(new double[] {0.60, 0.95}, stoppedEarly.getYData());
        assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, stoppedEarly.getXYSeriesRenderStyle());
        XYSeries best = chart.getSeriesMap().get(ObjectivePlot.BEST_SO_FAR);
        assertArrayEquals(new double[] {0, 1, 4, 5, 6}, best.getXData(), "held to the last trial");
        assertArrayEquals(new double[] {0.80, 0.85, 0.85, 0.90, 0.90}, best.getYData());
        assertEquals(XYSeries.XYSeriesRenderStyle.Step, best.getXYSeriesRenderStyle());
        assertEquals(-0.5, chart.getStyler().getXAxisMin());
        assertEquals(6.5, chart.getStyler().getXAxisMax());
    }

    @Test
    void lowerIsBetterForALoss() {
        List<Trial> trials = List.of(completed(0, 0.5, 1e-3, 32, "adam", Double.NaN), completed(1, 0.7, 1e-3, 32, "adam", Double.NaN),
                completed(2, 0.3, 1e-3, 32, "adam", Double.NaN), completed(3, 0.4, 1e-3, 32, "adam", Double.NaN));

        XYChart chart = ObjectivePlot.chart(trials, History.VALIDATION_LOSS, Mode.AUTO);

        assertEquals("val_loss over 4 trials (best 0.3, trial 2)", chart.getTitle());
        assertEquals("val_loss (lower is better)", chart.getYAxisTitle());
        assertArrayEquals(new double[] {0.5, 0.5, 0.3, 0.3}, chart.getSeriesMap().get(ObjectivePlot.BEST_SO_FAR).getYData());
        assertEquals(List.of(ObjectivePlot.COMPLETED, ObjectivePlot.BEST_SO_FAR), List.copyOf(chart.getSeriesMap().keySet()),
                "no empty series for the trials stopped early");
    }

    @Test
    void anExplicitModeWinsOverTheName() {
        XYChart chart = ObjectivePlot.chart(TRIALS, ACCURACY, Mode.MIN);

        assertEquals("val_accuracy over 7 trials (best 0.8, trial 0; 1 failed, not shown)", chart.getTitle());
        assertArrayEquals(new double[] {0.80, 0.80, 0.80, 0.80, 0.80}, chart.getSeriesMap().get(ObjectivePlot.BEST_SO_FAR).getYData());
    }

    @Test
    void withoutAnyObjectiveItSaysWhy() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ObjectivePlot.chart(List.of(), ACCURACY, Mode.AUTO));
        IllegalArgumentException allFailed = assertThrows(IllegalArgumentException.class,
                () -> ObjectivePlot.chart(List.of(failed(0, 1e-3, 32, "adam", Double.NaN)), ACCURACY, Mode.AUTO));

        assertTrue(none.getMessage().contains("no trials yet"), none.getMessage());
        assertTrue(allFailed.getMessage().contains("all 1 trials failed, the first with: reason of trial 0"), allFailed.getMessage());
    }

    @Test
    void draws() {
        BufferedImage image = Charts.image(List.of(ObjectivePlot.chart(TRIALS, ACCURACY, Mode.AUTO)), 1);

        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
    }
}
