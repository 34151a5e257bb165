package io.github.nbworkbench.plot;

import io.github.nbworkbench.eval.ConfusionMatrix;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;

/**
 * A confusion matrix as an XChart {@link HeatMapChart}: predicted class on the x axis, true class
 * on the y axis (first class at the top, so the diagonal runs from top left to bottom right), the
 * value written in each cell, and class names as tick labels.
 */
public final class ConfusionHeatmap {

    /** The name of the heat map's only series. */
    public static final String SERIES = "confusion";

    /** White to a mid blue: dark enough to see, light enough for black numbers on top. */
    private static final Color[] COLORS = {Color.WHITE, new Color(0xc6dbef), new Color(0x6baed6)};
    /** Above this many characters of labels along the x axis, the labels are turned to fit. */
    private static final int X_LABEL_CHARACTERS_UNROTATED = 60;

    private ConfusionHeatmap() {
    }

    /** The counts of {@code matrix}, each written in its cell. */
    public static HeatMapChart chart(ConfusionMatrix matrix) {
        int[][] counts = matrix.counts();
        return heatmap(matrix, "Confusion matrix (counts)", (t, p) -> counts[t][p], "0");
    }

    /**
     * The matrix normalized by row: each cell is the fraction of its true class predicted as its
     * column's class, so the diagonal shows each class's recall.
     */
    public static HeatMapChart normalizedChart(ConfusionMatrix matrix) {
        double[][] fractions = matrix.normalizedByRow();
        HeatMapChart chart = heatmap(matrix, "Confusion matrix (fraction of each true class)",
                (t, p) -> fractions[t][p], "0.00");
        chart.getStyler().setMin(0).setMax(1);
        return chart;
    }

    private interface Cell {
        double value(int actual, int predicted);
    }

    private static HeatMapChart heatmap(ConfusionMatrix matrix, String title, Cell cell, String decimalPattern) {
        List<String> names = matrix.classNames();
        int n = names.size();
        HeatMapChart chart = new HeatMapChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title).xAxisTitle("predicted class").yAxisTitle("true class").build();
        HeatMapStyler styler = chart.getStyler();
        ChartStyle.apply(styler);
        styler.setShowValue(true);
        styler.setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, n > 15 ? 10 : 13));
        styler.setValueFontColor(Color.BLACK);
        styler.setHeatMapValueDecimalPattern(decimalPattern);
        styler.setRangeColors(COLORS);
        styler.setPlotGridLinesVisible(false);
        // the numbers are in the cells; the colour scale would only take room from them
        styler.setLegendVisible(false);
        if (names.stream().mapToInt(String::length).max().orElse(0) * n > X_LABEL_CHARACTERS_UNROTATED) {
            styler.setXAxisLabelRotation(45);
        }

        // XChart draws the first y category at the bottom; reverse them to put the first class on top.
        List<String> yNames = new ArrayList<>(names);
        Collections.reverse(yNames);
        List<Number[]> heat = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                heat.add(new Number[] {p, n - 1 - t, cell.value(t, p)});
            }
        }
        chart.addSeries(SERIES, names, yNames, heat);
        return chart;
    }
}
