package io.github.nbworkbench.plot;

import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.LrFinder;
import io.github.nbworkbench.train.LrFinderResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * The learning-rate finder's loss against learning rate, on a logarithmic x axis, with the
 * smoothed loss and the suggested rate marked by a vertical dashed line named in the legend.
 *
 * <p>The loss usually explodes at the highest rates; the y axis stops at {@value #Y_AXIS_LIMIT}
 * times the first (smoothed) loss so that the interesting part stays readable. Call
 * {@code chart.getStyler().setYAxisMax(null)} to see everything.
 */
public final class LrFinderPlot {

    /** The name of the raw loss series. */
    public static final String LOSS = "loss";
    /** The name of the smoothed loss series. */
    public static final String SMOOTHED_LOSS = "smoothed loss";

    /** The y axis ends at this multiple of the first smoothed loss (or of the first loss, without smoothing). */
    public static final double Y_AXIS_LIMIT = 3;

    private static final Color RAW_LOSS_COLOR = new Color(0x1f77b4).brighter();
    private static final Color SUGGESTION_COLOR = new Color(0xd62728);

    private LrFinderPlot() {
    }

    /** The plot of an {@link LrFinder} sweep, its suggested rate marked. */
    public static XYChart chart(LrFinderResult result) {
        return chart(result.table(), result.suggestedLr());
    }

    /** The plot without a suggested rate. */
    public static XYChart chart(Table results) {
        return chart(results, Double.NaN);
    }

    /**
     * The plot of an LR finder's results.
     *
     * @param results     a table with positive "lr" and with "loss" and/or "smoothed_loss" columns
     * @param suggestedLr the rate to mark, or NaN for none
     * @throws IllegalArgumentException when a column is missing or a rate is not positive
     */
    public static XYChart chart(Table results, double suggestedLr) {
        double[] lr = column(results, History.LEARNING_RATE, true);
        double[] loss = column(results, History.LOSS, false);
        double[] smoothed = column(results, LrFinderResult.SMOOTHED_LOSS, false);
        if (loss == null && smoothed == null) {
            throw new IllegalArgumentException("LR finder results need a 'loss' or 'smoothed_loss' column; table '"
                    + results.name() + "' has " + results.columnNames() + ".");
        }
        if (Arrays.stream(lr).anyMatch(rate -> !(rate > 0)) || suggestedLr <= 0) {
            throw new IllegalArgumentException("Learning rates must be positive for the logarithmic axis; got lr column "
                    + Arrays.toString(Arrays.stream(lr).limit(5).toArray()) + "... and suggested rate " + suggestedLr + ".");
        }

        XYChart chart = ChartStyle.xyChart("Learning rate finder", "learning rate (log scale)", "loss");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("0.0E0");
        if (loss != null) {
            XYSeries series = chart.addSeries(LOSS, lr, loss);
            series.setLineColor(smoothed == null ? ChartStyle.color(0) : RAW_LOSS_COLOR);
            series.setLineWidth(smoothed == null ? 2f : 1f);
            series.setMarker(SeriesMarkers.NONE);
        }
        if (smoothed != null) {
            XYSeries series = chart.addSeries(SMOOTHED_LOSS, lr, smoothed);
            series.setLineColor(ChartStyle.color(0));
            series.setLineWidth(2.5f);
            series.setMarker(SeriesMarkers.NONE);
        }
        double[] plotted = loss != null ? loss : smoothed;
        double[] reference = smoothed != null ? smoothed : loss;
        double yMin = Arrays.stream(plotted).filter(Double::isFinite).min().orElse(0);
        double yMax = Math.min(Arrays.stream(plotted).filter(Double::isFinite).max().orElse(1),
                Y_AXIS_LIMIT * Arrays.stream(reference).filter(Double::isFinite).findFirst().orElse(Double.MAX_VALUE));
        if (yMax > yMin) {
            chart.getStyler().setYAxisMin(yMin);
            chart.getStyler().setYAxisMax(yMax);
        }
        if (!Double.isNaN(suggestedLr)) {
            XYSeries line = chart.addSeries(String.format(Locale.ROOT, "suggested lr %.1e", suggestedLr),
                    new double[] {suggestedLr, suggestedLr}, new double[] {yMin, yMax});
            line.setLineColor(SUGGESTION_COLOR);
            line.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    SeriesLines.DASH_DASH.getDashArray(), 0f));
            line.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private static double[] column(Table table, String name, boolean required) {
        if (!table.containsColumn(name)) {
            if (required) {
                throw new IllegalArgumentException("LR finder results need an '" + name + "' column; table '"
                        + table.name() + "' has " + table.columnNames() + ".");
            }
            return null;
        }
        if (!(table.column(name) instanceof NumericColumn<?> values)) {
            throw new IllegalArgumentException("Column '" + name + "' must be numeric, it is " + table.column(name).type() + ".");
        }
        return values.asDoubleArray();
    }
}
