package io.github.nbworkbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.eval.PrecisionRecallCurve;
import io.github.nbworkbench.eval.RocCurve;
import io.github.nbworkbench.imbalance.ClassDistribution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.chartpart.PaintedTicks;
import org.knowm.xchart.internal.chartpart.PaintedTicks.Tick;
import tech.tablesaw.api.Table;

/**
 * Every number painted on a chart's axis is the value at its tick, and the data ends within the
 * labelled ticks; checked at the default size and at the smaller sizes charts get in a grid.
 */
class AxisLabelsTest {

    private static final int[][] SIZES = {{ChartStyle.WIDTH, ChartStyle.HEIGHT}, {600, 400}, {400, 300}, {300, 200}, {500, 500}};

    @Test
    void rocAndPrecisionRecallAxesLabelEachTickWithItsValue() {
        Random random = new Random(4);
        double[] scores = new double[400];
        boolean[] positive = new boolean[400];
        for (int i = 0; i < scores.length; i++) {
            positive[i] = i % 3 == 0;
            scores[i] = random.nextGaussian() + (positive[i] ? 1.2 : 0);
        }
        for (int[] size : SIZES) {
            XYChart roc = RocPlot.chart(RocCurve.of(scores, positive, "Shirt"));
            assertReadable(roc, size, 0, 1, 0, 1);
            XYChart pr = PrecisionRecallPlot.chart(PrecisionRecallCurve.of(scores, positive, "Shirt"));
            assertReadable(pr, size, 0, 1, 0, 1);
        }
    }

    @Test
    void historyChartsLabelEachTickWithItsValue() {
        Table history = Histories.small();
        Map<String, Table> runs = new LinkedHashMap<>();
        runs.put("a", Histories.synthetic("a", 40, 0.2));
        runs.put("b", Histories.synthetic("b", 40, 0.1));
        for (int[] size : SIZES) {
            assertLabelsAreValues(LearningCurves.of(history).chart("loss"), size);
            assertLabelsAreValues(LearningCurves.of(history).chart("accuracy"), size);
            assertLabelsAreValues(RunCurves.chart(runs, "val_loss"), size);
            assertLabelsAreValues(RunCurves.gapChart(runs, "loss"), size);
        }
    }

    @Test
    void scatterAndLearningRateFinderAxesLabelEachTickWithItsValue() {
        XYChart points = LabeledPoints.chart("Model size and accuracy", "size (MB)", "accuracy", List.of("fp32", "fp16", "int8", "pruned"),
                new double[] {4.81, 2.4, 1.22, 0.93}, new double[] {0.9112, 0.9109, 0.9031, 0.8874});
        Table finder = Table.create("lr finder", tech.tablesaw.api.DoubleColumn.create("lr", 1e-5, 1e-4, 1e-3, 1e-2, 1e-1),
                tech.tablesaw.api.DoubleColumn.create("loss", 2.31, 2.29, 1.95, 1.12, 3.4),
                tech.tablesaw.api.DoubleColumn.create("smoothed_loss", 2.31, 2.30, 2.1, 1.5, 2.9));
        for (int[] size : SIZES) {
            assertLabelsAreValues(points, size);
            XYChart lrFinder = LrFinderPlot.chart(finder, 0.01);
            assertLabelsAreValues(PaintedTicks.y(lrFinder, size[0], size[1]), "LR finder at " + size[0] + "x" + size[1] + ", y axis");
        }
    }

    @Test
    void smallClassCountsAreNotRoundedOnTheAxis() {
        for (int[] classIndices : new int[][] {{0, 1, 1, 1}, {0, 1}}) {
            ClassDistribution distribution = ClassDistribution.of(classIndices, List.of("rare", "common"));
            for (int[] size : SIZES) {
                List<Tick> ticks = PaintedTicks.y(distribution(distribution), size[0], size[1]);
                assertLabelsAreValues(ticks, "class distribution " + distribution.total() + " examples, y at " + size[0] + "x" + size[1]);
            }
        }
    }

    private static Chart<?, ?> distribution(ClassDistribution distribution) {
        return ClassDistributionPlot.chart(distribution);
    }

    private static void assertReadable(XYChart chart, int[] size, double xMin, double xMax, double yMin, double yMax) {
        List<Tick> x = PaintedTicks.x(chart, size[0], size[1]);
        List<Tick> y = PaintedTicks.y(chart, size[0], size[1]);
        String where = chart.getTitle() + " at " + size[0] + "x" + size[1];
        assertLabelsAreValues(x, where + ", x axis");
        assertLabelsAreValues(y, where + ", y axis");
        assertEquals(xMin, x.get(0).value(), 1e-9, where + ": the x axis is labelled from the start of the data " + x);
        assertEquals(xMax, x.get(x.size() - 1).value(), 1e-9, where + ": the x axis is labelled to the end of the data " + x);
        assertEquals(yMin, y.get(0).value(), 1e-9, where + ": the y axis is labelled from the start of the data " + y);
        assertEquals(yMax, y.get(y.size() - 1).value(), 1e-9, where + ": the y axis is labelled to the end of the data " + y);
    }

    private static void assertLabelsAreValues(XYChart chart, int[] size) {
        String where = chart.getTitle() + " at " + size[0] + "x" + size[1];
        assertLabelsAreValues(PaintedTicks.x(chart, size[0], size[1]), where + ", x axis");
        assertLabelsAreValues(PaintedTicks.y(chart, size[0], size[1]), where + ", y axis");
    }

    private static void assertLabelsAreValues(List<Tick> ticks, String where) {
        assertFalse(ticks.isEmpty(), where + ": no labelled tick");
        for (Tick tick : ticks) {
            double labelled = Double.parseDouble(tick.label().replace(",", ""));
            double tolerance = 1e-9 * Math.max(1, Math.abs(tick.value()));
            assertTrue(Math.abs(labelled - tick.value()) <= tolerance,
                    where + ": the tick at " + tick.value() + " is labelled '" + tick.label() + "'; all: " + ticks);
        }
    }
}
