package io.github.nbworkbench.plot;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** What the threshold-curve plots share: axes from 0 to 1, one colour per class. */
final class Curves {

    private Curves() {
    }

    static void requireDistinct(List<String> classNames, String kind) {
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("No " + kind + " curves to plot.");
        }
        if (new HashSet<>(classNames).size() != classNames.size()) {
            throw new IllegalArgumentException("Each class may be plotted once (its name labels its curve), got " + classNames);
        }
    }

    /** The name of the invisible series that {@link #unitAxes} adds. */
    static final String FRAME = "axes";

    /**
     * Both axes from 0 to 1, with round ticks labelled exactly. Call it before adding the curves:
     * XChart 3.8.8 treats equally spaced x (or y) values, such as the false-positive rates k/N of a
     * ROC curve, like epochs and puts its ticks on data values (0.203, 0.406, ..., 0.812 on a 0..1
     * axis, which a "0.0" pattern then labelled 0.2, 0.4, ..., 0.8, the curve running on past the
     * last label). It looks at the values in the order the series bring them, so an invisible first
     * series at the corners (0, 0) and (1, 1) breaks that spacing and XChart picks round steps.
     */
    static void unitAxes(XYChart chart) {
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        XYSeries frame = chart.addSeries(FRAME, new double[] {0, 1}, new double[] {0, 1});
        frame.setLineStyle(SeriesLines.NONE);
        frame.setMarker(SeriesMarkers.NONE);
        frame.setShowInLegend(false);
    }

    static void styleLine(XYSeries line, int index) {
        line.setLineColor(ChartStyle.color(index));
        line.setLineWidth(2f);
        line.setMarker(SeriesMarkers.NONE);
    }

    /** A vertical legend inside the plot, in a corner the curves leave empty: one line per class fits there. */
    static void legendInside(XYChart chart, LegendPosition position) {
        chart.getStyler().setLegendPosition(position);
        chart.getStyler().setLegendLayout(LegendLayout.Vertical);
        chart.getStyler().setLegendBackgroundColor(new Color(255, 255, 255, 220));
    }
}
