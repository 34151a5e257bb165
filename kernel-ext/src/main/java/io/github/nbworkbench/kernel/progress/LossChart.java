package io.github.nbworkbench.kernel.progress;

import io.github.nbworkbench.progress.EpochEnd;
import io.github.nbworkbench.train.History;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** A small PNG chart of loss and val_loss per finished epoch. */
final class LossChart {
    static final int WIDTH = 400;
    static final int HEIGHT = 200;
    private static final List<Series> SERIES = List.of(
            new Series(History.LOSS, new Color(0x25, 0x63, 0xeb)),
            new Series(History.VALIDATION_LOSS, new Color(0xea, 0x58, 0x0c)));

    private LossChart() {
    }

    /** The chart as base64 PNG; empty while no epoch has reported a finite loss or val_loss. */
    static Optional<String> pngBase64(List<EpochEnd> epochs) {
        XYChart chart = emptyChart();
        for (Series series : SERIES) {
            List<Integer> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (EpochEnd epoch : epochs) {
                Double value = epoch.values().get(series.name());
                if (value != null && Double.isFinite(value)) {
                    x.add(epoch.epoch());
                    y.add(value);
                }
            }
            if (!x.isEmpty()) {
                XYSeries added = chart.addSeries(series.name(), x, y);
                added.setLineColor(series.color());
                added.setMarkerColor(series.color());
                added.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return chart.getSeriesMap().isEmpty() ? Optional.empty() : Optional.of(encode(chart));
    }

    private static XYChart emptyChart() {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).xAxisTitle(History.EPOCH).build();
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setPlotGridLinesColor(new Color(0xe5, 0xe7, 0xeb));
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setLegendFont(small);
        styler.setAxisTitleFont(small);
        styler.setAxisTickLabelsFont(small);
        styler.setChartPadding(6);
        styler.setMarkerSize(5);
        styler.setAntiAlias(true);
        // Epochs are whole numbers: label only the integer ticks XChart places.
        styler.setxAxisTickLabelsFormattingFunction(x -> x == Math.rint(x) ? String.valueOf(x.longValue()) : "");
        return chart;
    }

    private static String encode(XYChart chart) {
        try {
            return Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw the loss chart", e);
        }
    }

    private record Series(String name, Color color) {
    }
}
