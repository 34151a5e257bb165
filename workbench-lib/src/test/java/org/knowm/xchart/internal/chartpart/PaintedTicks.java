package org.knowm.xchart.internal.chartpart;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The tick labels XChart paints on a chart's numeric axes, read from its own axis tick calculators
 * after painting (their getters are package-private, hence this package), with the axis value at
 * each label. Only ticks inside the axis are listed: those are the ones a reader sees.
 */
public final class PaintedTicks {

    public record Tick(double value, String label) {
    }

    private PaintedTicks() {
    }

    public static List<Tick> x(Chart<?, ?> chart, int width, int height) {
        paint(chart, width, height);
        Axis<?, ?> axis = chart.getXAxis();
        return ticks(axis, chart.getPlot().getBounds().getWidth(), chart);
    }

    public static List<Tick> y(Chart<?, ?> chart, int width, int height) {
        paint(chart, width, height);
        Axis<?, ?> axis = chart.getYAxis();
        return ticks(axis, chart.getPlot().getBounds().getHeight(), chart);
    }

    private static void paint(Chart<?, ?> chart, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        chart.paint(image.createGraphics(), width, height);
    }

    /** XChart draws min..max over plotContentSize of the axis, centred: a margin on each side. */
    private static List<Tick> ticks(Axis<?, ?> axis, double length, Chart<?, ?> chart) {
        double margin = length * (1 - ((org.knowm.xchart.style.AxesChartStyler) chart.getStyler()).getPlotContentSize()) / 2;
        AxisTickCalculator calculator = axis.getAxisTickCalculator();
        List<Double> locations = calculator.getTickLocations();
        List<String> labels = calculator.getTickLabels();
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < locations.size(); i++) {
            double location = locations.get(i);
            if (location >= 0 && location <= length) {
                double value = axis.getMin() + (location - margin) / (length - 2 * margin) * (axis.getMax() - axis.getMin());
                ticks.add(new Tick(value, labels.get(i)));
            }
        }
        return ticks;
    }
}
