package io.github.nbworkbench.plot;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
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

    static void unitAxes(XYChart chart) {
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setXAxisDecimalPattern("0.0").setYAxisDecimalPattern("0.0");
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
