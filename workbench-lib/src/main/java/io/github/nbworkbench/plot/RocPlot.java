package io.github.nbworkbench.plot;

import io.github.nbworkbench.eval.RocCurve;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * ROC curves of several classes overlaid, each named with its AUC, over the dashed diagonal of chance;
 * the legend sits in the lower right, where ROC curves seldom go.
 */
public final class RocPlot {

    /** The name of the diagonal series. */
    public static final String CHANCE = "chance";

    private RocPlot() {
    }

    public static XYChart chart(RocCurve... curves) {
        return chart(List.of(curves));
    }

    /**
     * @throws IllegalArgumentException when there are no curves or two curves share a class name
     */
    public static XYChart chart(List<RocCurve> curves) {
        Curves.requireDistinct(curves.stream().map(RocCurve::className).toList(), "ROC");
        XYChart chart = ChartStyle.xyChart("ROC curves (one class vs the rest)", "false-positive rate", "true-positive rate (recall)");
        Curves.unitAxes(chart);
        Curves.legendInside(chart, LegendPosition.InsideSE);
        for (int i = 0; i < curves.size(); i++) {
            RocCurve curve = curves.get(i);
            XYSeries line = chart.addSeries(String.format(Locale.ROOT, "%s (AUC %.3f)", curve.className(), curve.auc()),
                    curve.fpr(), curve.tpr());
            Curves.styleLine(line, i);
        }
        XYSeries chance = chart.addSeries(CHANCE, new double[] {0, 1}, new double[] {0, 1});
        chance.setLineColor(Color.GRAY);
        chance.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                SeriesLines.DASH_DASH.getDashArray(), 0f));
        chance.setMarker(SeriesMarkers.NONE);
        return chart;
    }
}
