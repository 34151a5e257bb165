package io.github.nbworkbench.plot;

import java.awt.Color;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A scatter chart of a few named points, each its own series so that the legend names it: e.g.
 * model variants by size and accuracy. Each point has its own colour and marker shape, drawn
 * translucent, so that points on one another stay visible; the axes leave a margin so that none is
 * cut at the border.
 *
 * <pre>{@code
 * LabeledPoints.chart("Size vs accuracy", "size (MB)", "accuracy (%)",
 *     List.of("FP32", "int8 weights"), new double[] {3.3, 0.9}, new double[] {91.5, 91.4});
 * }</pre>
 */
public final class LabeledPoints {

    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN,
    };

    static final double MARGIN = 0.08;
    /** Markers let a point beneath show through, so that two variants on the same spot both show. */
    static final int OPACITY = 170;

    private LabeledPoints() {
    }

    /**
     * The chart. A point with a missing (NaN) coordinate, as Tablesaw stores a missing value, is
     * left out.
     *
     * @throws IllegalArgumentException when the three lists differ in length, a label repeats, or no
     *                                  point has both coordinates
     */
    public static XYChart chart(String title, String xAxisTitle, String yAxisTitle, List<String> labels, double[] x, double[] y) {
        if (labels.size() != x.length || x.length != y.length) {
            throw new IllegalArgumentException("Give one x and one y per label: got " + labels.size() + " labels, "
                    + x.length + " x values and " + y.length + " y values");
        }
        if (new HashSet<>(labels).size() != labels.size()) {
            throw new IllegalArgumentException("Each label may appear once (it names its point in the legend), got " + labels);
        }
        XYChart chart = ChartStyle.xyChart(title, xAxisTitle, yAxisTitle);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(12);
        // labels such as "int8 + pruned 80%" are too long for one row under the plot
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(LegendLayout.Vertical);
        for (int i = 0; i < labels.size(); i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                continue;
            }
            XYSeries point = chart.addSeries(labels.get(i), new double[] {x[i]}, new double[] {y[i]});
            point.setMarker(MARKERS[i % MARKERS.length]);
            point.setMarkerColor(translucent(ChartStyle.color(i)));
        }
        if (chart.getSeriesMap().isEmpty()) {
            throw new IllegalArgumentException("None of " + labels + " has both an x and a y value; there is nothing to plot");
        }
        double[] xRange = withMargin(chart.getSeriesMap().values().stream().mapToDouble(series -> series.getXData()[0]).toArray());
        double[] yRange = withMargin(chart.getSeriesMap().values().stream().mapToDouble(series -> series.getYData()[0]).toArray());
        chart.getStyler().setXAxisMin(xRange[0]).setXAxisMax(xRange[1]).setYAxisMin(yRange[0]).setYAxisMax(yRange[1]);
        return chart;
    }

    private static Color translucent(Color color) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), OPACITY);
    }

    /** The values' range widened by {@value #MARGIN} of it on each side (of the value itself, at least 1, when all are equal). */
    private static double[] withMargin(double[] values) {
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        double span = max > min ? max - min : Math.max(Math.abs(max), 1);
        return new double[] {min - MARGIN * span, max + MARGIN * span};
    }
}
