package io.github.nbworkbench.tune;

import static io.github.nbworkbench.tune.FinishedTrials.SPACE;
import static io.github.nbworkbench.tune.FinishedTrials.completed;
import static io.github.nbworkbench.tune.FinishedTrials.failed;
import static io.github.nbworkbench.tune.FinishedTrials.stoppedEarly;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.plot.Charts;
import io.github.nbworkbench.train.Mode;
import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ParallelCoordinatesPlotTest {

    private static final String OBJECTIVE = "val_accuracy";
    private static final List<String> AXES = List.of("learningRate", "width", "optimizer", "dropout", "dropoutRate", OBJECTIVE);
    private static final List<Trial> TRIALS = List.of(
            completed(0, 0.80, 1e-3, 16, "adam", Double.NaN),
            completed(1, 0.85, 1e-2, 128, "sgd", 0.2),
            failed(2, 1e-1, 128, "sgd", Double.NaN),
            stoppedEarly(3, 0.60, 1e-4, 72, "rmsprop", 0.5),
            completed(4, 0.83, 1e-1, 44, "adam", Double.NaN),
            completed(5, 0.90, 1e-3, 100, "rmsprop", 0.1));

    private static List<XYSeries> trialLines(XYChart chart) {
        return chart.getSeriesMap().values().stream()
                .filter(series -> !series.getName().startsWith("axis ") && !series.getName().startsWith("absent ")).toList();
    }

    @Test
    void oneAxisPerParameterAndOneForTheObjective() {
        XYChart chart = ParallelCoordinatesPlot.chart(TRIALS, SPACE, OBJECTIVE, Mode.AUTO);

        assertEquals("val_accuracy by parameters (6 trials; 1 failed, not shown)", chart.getTitle());
        assertEquals(AXES, List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0).stream().map(chart.getStyler().getxAxisTickLabelsFormattingFunction()).toList());
        assertEquals("  ", chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(0.5));
        List<XYSeries> axes = chart.getSeriesMap().values().stream().filter(series -> series.getName().startsWith("axis ")).toList();
        for (int i = 0; i < AXES.size(); i++) {
            assertEquals("axis " + AXES.get(i), axes.get(i).getName());
            assertArrayEquals(new double[] {i, i}, axes.get(i).getXData());
            assertFalse(axes.get(i).isShowInLegend());
        }
        XYSeries absent = chart.getSeriesMap().get("absent dropoutRate");
        assertArrayEquals(new double[] {4}, absent.getXData(), "only the conditional parameter has an absent spot");
        assertArrayEquals(new double[] {ParallelCoordinatesPlot.ABSENT}, absent.getYData());
        assertEquals(1, chart.getSeriesMap().keySet().stream().filter(name -> name.startsWith("absent ")).count());
    }

    @Test
    void eachTrialIsScaledOnEveryAxisFromWorstToBestAndMarkedWhereAParameterIsAbsent() {
        List<XYSeries> lines = trialLines(ParallelCoordinatesPlot.chart(TRIALS, SPACE, OBJECTIVE, Mode.AUTO));

        assertEquals(List.of("worst: trial 3 (0.6)", "trial 0", "trial 4", "trial 1", "best: trial 5 (0.9)"),
                lines.stream().map(XYSeries::getName).toList());
        XYChart chart = ParallelCoordinatesPlot.chart(TRIALS, SPACE, OBJECTIVE, Mode.AUTO);
        assertEquals(List.copyOf(chart.getSeriesMap().values()).subList(chart.getSeriesMap().size() - lines.size(), chart.getSeriesMap().size())
                .stream().map(XYSeries::getName).toList(), lines.stream().map(XYSeries::getName).toList(), "the trials come last, over the axes");
        // trial 3: learning rate at the log range's start, width 72 halfway through 16..128, the last of three choices,
        // dropout on (the first of true, false), the top of the dropout rate's range, the lowest objective
        assertArrayEquals(new double[] {0, 0.5, 1, 0, 1, 0}, lines.get(0).getYData(), 1e-12);
        // trial 4: dropout off, so no dropout rate: the absent spot under its axis
        assertArrayEquals(new double[] {1, 28.0 / 112, 0, 1, ParallelCoordinatesPlot.ABSENT, 0.23 / 0.30}, lines.get(2).getYData(), 1e-12);
        // trial 5: 1e-3 is a third of the way through 1e-4..1e-1 on a log scale
        assertArrayEquals(new double[] {1.0 / 3, 84.0 / 112, 1, 0, 0, 1}, lines.get(4).getYData(), 1e-12);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, lines.get(4).getXData());
    }

    @Test
    void coloursDarkenFromWorstToBestAndTheBestIsThickestAndOnTop() {
        List<XYSeries> lines = trialLines(ParallelCoordinatesPlot.chart(TRIALS, SPACE, OBJECTIVE, Mode.AUTO));

        for (int i = 1; i < lines.size(); i++) {
            assertTrue(brightness(lines.get(i).getLineColor()) < brightness(lines.get(i - 1).getLineColor()),
                    lines.get(i).getName() + " darker than " + lines.get(i - 1).getName());
        }
        XYSeries best = lines.get(lines.size() - 1);
        assertTrue(best.getLineStyle().getLineWidth() > lines.get(0).getLineStyle().getLineWidth());
        assertTrue(lines.subList(0, lines.size() - 1).stream()
                .allMatch(line -> line.getLineStyle().getLineWidth() == lines.get(0).getLineStyle().getLineWidth()));
        assertEquals(List.of("worst: trial 3 (0.6)", "best: trial 5 (0.9)"),
                lines.stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName).toList(),
                "the worst is also the one stopped early, so it names no dashed line");
        assertNotNull(lines.get(0).getLineStyle().getDashArray(), "stopped early: dashed");
        assertEquals(null, best.getLineStyle().getDashArray());
    }

    @Test
    void forALossTheLowestIsBestAndOneDashedLineExplainsTheDashes() {
        List<XYSeries> lines = trialLines(ParallelCoordinatesPlot.chart(TRIALS, SPACE, "val_loss", Mode.AUTO));

        // trial 3 has the lowest loss but was stopped early: drawn beneath the best completed trial
        assertEquals(List.of("worst: trial 5 (0.9)", "trial 1", "trial 4", "dashed: stopped early (trial 3, 0.6)", "best: trial 0 (0.8)"),
                lines.stream().map(XYSeries::getName).toList());
        assertEquals(List.of("worst: trial 5 (0.9)", "dashed: stopped early (trial 3, 0.6)", "best: trial 0 (0.8)"),
                lines.stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName).toList());
        assertArrayEquals(new double[] {0.9, 0.85, 0.83, 0.6, 0.8}, lines.stream()
                .mapToDouble(line -> 0.6 + 0.3 * line.getYData()[AXES.size() - 1]).toArray(), 1e-12,
                "the objective's axis still rises with the value");
    }

    @Test
    void draws() {
        assertEquals(800, Charts.image(List.of(ParallelCoordinatesPlot.chart(TRIALS, SPACE, OBJECTIVE, Mode.AUTO)), 1).getWidth());
    }

    private static float brightness(Color color) {
        return Color.RGBtoHSB(color.getRed(), color.getGreen(), color.getBlue(), null)[2];
    }
}
