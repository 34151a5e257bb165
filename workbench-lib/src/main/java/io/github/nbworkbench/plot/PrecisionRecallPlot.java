package io.github.nbworkbench.plot;

import io.github.nbworkbench.eval.OperatingPoint;
import io.github.nbworkbench.eval.PrecisionRecallCurve;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Precision-recall curves of several classes overlaid, each named with its average precision and its
 * best F1 with the threshold that gives it, and that point marked on the curve. The legend sits in
 * the lower left, where precision-recall curves seldom go.
 *
 * <pre>{@code
 * PrecisionRecallPlot.chart(PrecisionRecallCurve.forClasses(validation, "Shirt", "Coat", "Pullover"));
 * }</pre>
 */
public final class PrecisionRecallPlot {

    /** Appended to a class name, the name of the series that marks its point of best F1 (not in the legend). */
    public static final String BEST_F1 = " best F1";

    private PrecisionRecallPlot() {
    }

    public static XYChart chart(PrecisionRecallCurve... curves) {
        return chart(List.of(curves));
    }

    /**
     * @throws IllegalArgumentException when there are no curves or two curves share a class name
     */
    public static XYChart chart(List<PrecisionRecallCurve> curves) {
        Curves.requireDistinct(curves.stream().map(PrecisionRecallCurve::className).toList(), "precision-recall");
        XYChart chart = ChartStyle.xyChart("Precision-recall curves (one class vs the rest)", "recall", "precision");
        Curves.unitAxes(chart);
        Curves.legendInside(chart, LegendPosition.InsideSW);
        for (int i = 0; i < curves.size(); i++) {
            PrecisionRecallCurve curve = curves.get(i);
            OperatingPoint best = curve.bestF1();
            XYSeries line = chart.addSeries(String.format(Locale.ROOT, "%s (AP %.3f; best F1 %.3f at threshold %.3f)",
                    curve.className(), curve.averagePrecision(), best.f1(), best.threshold()), curve.recall(), curve.precision());
            Curves.styleLine(line, i);
            XYSeries marker = chart.addSeries(curve.className() + BEST_F1,
                    new double[] {best.recall()}, new double[] {best.precision()});
            marker.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            marker.setMarker(SeriesMarkers.DIAMOND);
            marker.setMarkerColor(ChartStyle.color(i));
            marker.setShowInLegend(false);
        }
        return chart;
    }
}
