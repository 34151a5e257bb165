package io.github.nbworkbench.plot;

import io.github.nbworkbench.imbalance.ClassDistribution;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;

/** A class distribution as a bar chart: one bar per class, in class order, its count written on top. */
public final class ClassDistributionPlot {

    /** The name of the chart's only series. */
    public static final String SERIES = "examples";

    /** Above this many characters of labels along the x axis, the labels are turned to fit. */
    private static final int X_LABEL_CHARACTERS_UNROTATED = 70;

    private ClassDistributionPlot() {
    }

    public static CategoryChart chart(ClassDistribution distribution) {
        List<String> names = distribution.classNames();
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(String.format(Locale.ROOT, "Class distribution (%d examples, imbalance ratio %.1f)",
                        distribution.total(), distribution.imbalanceRatio()))
                .xAxisTitle("class").yAxisTitle("examples").build();
        CategoryStyler styler = chart.getStyler();
        ChartStyle.apply(styler);
        styler.setLegendVisible(false);
        styler.setLabelsVisible(true);
        styler.setLabelsFont(ChartStyle.TICK_FONT);
        styler.setYAxisMin(0.0);
        styler.setYAxisDecimalPattern("#,##0");
        if (names.stream().mapToInt(String::length).sum() > X_LABEL_CHARACTERS_UNROTATED) {
            styler.setXAxisLabelRotation(45);
        }
        List<Integer> counts = Arrays.stream(distribution.counts()).boxed().collect(Collectors.toList());
        CategorySeries series = chart.addSeries(SERIES, names, counts);
        series.setFillColor(ChartStyle.color(0));
        return chart;
    }
}
