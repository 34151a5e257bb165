package io.github.nbworkbench.plot;

import io.github.nbworkbench.eval.OperatingPoint;
import io.github.nbworkbench.eval.PrecisionRecallCurve;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Precision-recall curves of several classes overlaid, each named with its average precision, and
 * the point of best F1 marked on each.
 *
 * <pre>{@code
 * PrecisionRecallPlot.of(PrecisionRecallCurve.forClasses(validation, "Shirt", "Coat", "Pullover"));
 * }</pre>
 */
public final class PrecisionRecallPlot {

    private PrecisionRecallPlot() {
    }

    public static XYChart of(PrecisionRecallCurve... curves) {
        return of(List.of(curves));
    }

    /**
     * @throws IllegalArgumentException when there are no curves or two curves share a class name
     */
    public static XYChart of(List<PrecisionRecallCurve> curves) {
        Curves.requireDistinct(curves.stream().map(PrecisionRecallCurve::className).toList(), "precision-recall");
        XYChart chart = ChartStyle.xyChart("Precision-recall curves (one class vs the rest)", "recall", "precision");
        Curves.unitAxes(chart);
        for (int i = 0; i < curves.size(); i++) {
            PrecisionRecallCurve curve = curves.get(i);
            XYSeries line = chart.addSeries(String.format(Locale.ROOT, "%s (AP %.3f)", curve.className(), curve.averagePrecision()),
                    curve.recall(), curve.precision());
            Curves.styleLine(line, i);
            OperatingPoint best = curve.bestF1();
            XYSeries marker = chart.addSeries(String.format(Locale.ROOT, "%s best F1 %.3f at %.3f",
                    curve.className(), best.f1(), best.threshold()), new double[] {best.recall()}, new double[] {best.precision()});
            Curves.styleMarker(marker, i);
            marker.setMarker(SeriesMarkers.DIAMOND);
        }
        return chart;
    }
}
