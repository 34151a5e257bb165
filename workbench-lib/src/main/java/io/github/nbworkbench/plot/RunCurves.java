package io.github.nbworkbench.plot;

import io.github.nbworkbench.train.History;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * One metric of several training runs on one chart: each run in its own colour, training as a
 * solid line and validation as a dashed line of the same colour; or the gap between the two. The
 * charts of {@link io.github.nbworkbench.results.Runs}, which is where to compare runs from:
 * <pre>{@code
 * Runs runs = Runs.of("lr 0.01", history1).and("lr 0.001", history2);
 * runs.chart("accuracy");
 * runs.gapChart("loss");     // val_loss - loss per epoch: how far each run overfits
 * }</pre>
 * Here the histories may be any tables with an epoch column and metric columns.
 */
public final class RunCurves {

    private RunCurves() {
    }

    /**
     * The chart of {@code metric} for every run. Series are named "&lt;run&gt; training" and
     * "&lt;run&gt; validation"; a run without validation values has only the first.
     *
     * @param runs   histories by run name (see {@link LearningCurves} for the columns); use a
     *               {@code LinkedHashMap} to fix the legend's order
     * @param metric a metric name, e.g. "loss" or "accuracy" ("val_accuracy" is read as "accuracy")
     * @throws IllegalArgumentException when there are no runs, or a run has no such metric
     */
    public static XYChart chart(Map<String, ? extends Table> runs, String metric) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("No runs to compare; pass a map from run name to history table.");
        }
        String name = History.metricOf(metric);
        XYChart chart = ChartStyle.xyChart(name + " by run", History.EPOCH, name);
        // two entries per run are too many for one row under the plot
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(LegendLayout.Vertical);
        int run = 0;
        for (Map.Entry<String, ? extends Table> entry : runs.entrySet()) {
            HistoryTable history = HistoryTable.of(entry.getValue());
            history.requireMetric(name);
            int colorIndex = run++;
            history.training(name).ifPresent(curve ->
                    addSeries(chart, entry.getKey() + " training", curve, colorIndex, SeriesLines.SOLID));
            history.validation(name).ifPresent(curve ->
                    addSeries(chart, entry.getKey() + " validation", curve, colorIndex, SeriesLines.DASH_DASH));
        }
        ChartStyle.padEpochAxis(chart);
        return chart;
    }

    /**
     * The generalisation gap of {@code metric} for every run: validation minus training value per
     * epoch (for a loss, above zero means the model does better on data it trained on), with a line
     * at zero.
     *
     * @throws IllegalArgumentException when there are no runs, or a run lacks the metric's training or validation column
     */
    public static XYChart gapChart(Map<String, ? extends Table> runs, String metric) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("No runs to compare; pass a map from run name to history table.");
        }
        XYChart chart = ChartStyle.xyChart("Gap between validation and training " + metric + " by run", History.EPOCH,
                History.validation(metric) + " - " + metric);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(LegendLayout.Vertical);
        int run = 0;
        double lastEpoch = 1;
        for (Map.Entry<String, ? extends Table> entry : runs.entrySet()) {
            HistoryTable history = HistoryTable.of(entry.getValue());
            HistoryTable.Curve training = history.training(metric).orElseThrow(() -> missing(entry.getKey(), metric));
            HistoryTable.Curve validation = history.validation(metric)
                    .orElseThrow(() -> missing(entry.getKey(), History.validation(metric)));
            HistoryTable.Curve gap = training.differenceTo(validation);
            if (gap.size() > 0) {
                addSeries(chart, entry.getKey(), gap, run, SeriesLines.SOLID);
                lastEpoch = Math.max(lastEpoch, gap.x()[gap.size() - 1]);
            }
            run++;
        }
        XYSeries zero = chart.addSeries("no gap", new double[] {1, lastEpoch}, new double[] {0, 0});
        zero.setLineColor(Color.GRAY);
        zero.setLineStyle(SeriesLines.DOT_DOT);
        zero.setMarker(SeriesMarkers.NONE);
        ChartStyle.padEpochAxis(chart);
        return chart;
    }

    private static IllegalArgumentException missing(String run, String column) {
        return new IllegalArgumentException("Run '" + run + "' has no '" + column + "' column: the gap needs training and validation values");
    }

    private static void addSeries(XYChart chart, String name, HistoryTable.Curve curve, int colorIndex,
            BasicStroke line) {
        XYSeries series = chart.addSeries(name, curve.x(), curve.y());
        series.setLineColor(ChartStyle.color(colorIndex));
        series.setMarkerColor(ChartStyle.color(colorIndex));
        series.setLineStyle(line);
        ChartStyle.markersByLength(series, curve.size());
    }
}
