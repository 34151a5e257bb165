package io.github.nbworkbench.plot;

import io.github.nbworkbench.train.History;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.Table;

/**
 * Training and validation curves per epoch, one chart per metric, from a training history.
 *
 * <p>The history is any Tablesaw table with an "epoch" column and numeric metric columns: "x" is
 * the training value of metric x and "val_x" its validation value. A metric without a validation
 * column is plotted for training only. The columns lr, seconds and samples_per_s are not metrics.
 * <pre>{@code
 * LearningCurves curves = LearningCurves.of(history);
 * curves.chart("loss");   // one XYChart
 * curves.image();         // all of them in one image
 * }</pre>
 */
public final class LearningCurves {

    /** The name of the training series in each chart. */
    public static final String TRAINING = "training";
    /** The name of the validation series in each chart. */
    public static final String VALIDATION = "validation";

    private final Map<String, XYChart> charts = new LinkedHashMap<>();

    private LearningCurves(HistoryTable history) {
        for (String metric : history.metrics()) {
            charts.put(metric, chartOf(history, metric));
        }
    }

    /**
     * The curves of every metric in {@code history}.
     *
     * @throws IllegalArgumentException when the table has no numeric "epoch" column or no metric column
     */
    public static LearningCurves of(Table history) {
        LearningCurves curves = new LearningCurves(HistoryTable.of(history));
        if (curves.charts.isEmpty()) {
            throw new IllegalArgumentException("History '" + history.name() + "' has no metric columns (numeric columns"
                    + " other than " + HistoryTable.NOT_METRICS + "); its columns are " + history.columnNames() + ".");
        }
        return curves;
    }

    private static XYChart chartOf(HistoryTable history, String metric) {
        XYChart chart = ChartStyle.xyChart(metric + " per epoch", History.EPOCH, metric);
        history.training(metric).ifPresent(curve -> addSeries(chart, TRAINING, curve, 0));
        history.validation(metric).ifPresent(curve -> addSeries(chart, VALIDATION, curve, 1));
        ChartStyle.padEpochAxis(chart);
        return chart;
    }

    private static void addSeries(XYChart chart, String name, HistoryTable.Curve curve, int colorIndex) {
        XYSeries series = chart.addSeries(name, curve.x(), curve.y());
        series.setLineColor(ChartStyle.color(colorIndex));
        series.setMarkerColor(ChartStyle.color(colorIndex));
        ChartStyle.markersByLength(series, curve.size());
    }

    /** The metric names, in the order of the history's columns (e.g. loss, accuracy). */
    public List<String> metrics() {
        return List.copyOf(charts.keySet());
    }

    /**
     * The chart of one metric: training and (when present) validation values per epoch.
     *
     * @param metric a metric name without the "val_" prefix, e.g. "loss" or "accuracy"
     */
    public XYChart chart(String metric) {
        XYChart chart = charts.get(metric);
        if (chart == null) {
            throw new IllegalArgumentException("No metric '" + metric + "'; the history has " + metrics() + ".");
        }
        return chart;
    }

    /** One chart per metric, in the order of {@link #metrics()}. */
    public List<XYChart> charts() {
        return List.copyOf(charts.values());
    }

    /** All charts in one image, two to a row. */
    public BufferedImage image() {
        return image(2);
    }

    /** All charts in one image, {@code columns} to a row. */
    public BufferedImage image(int columns) {
        return Charts.image(charts(), columns);
    }
}
