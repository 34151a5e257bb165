package io.github.nbworkbench.plot;

import java.awt.Color;
import java.awt.Font;
import java.util.Arrays;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The look shared by the workbench's charts: white background, readable fonts, a fixed palette.
 * Public so that the charts other packages draw (the tuning package's) look the same.
 */
public final class ChartStyle {

    static final int WIDTH = 800;
    static final int HEIGHT = 500;
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Color GRID_GREY = new Color(225, 225, 225);
    static final Color BORDER_GREY = new Color(190, 190, 190);

    /** Matplotlib's "tab10" palette: distinct, and familiar to people coming from Python. */
    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
    };

    /** Series with more points than this are drawn without markers, which would merge into a smear. */
    static final int MAX_POINTS_WITH_MARKERS = 30;
    /** Up to this many epochs every epoch gets a tick label; beyond, round values such as 5, 10, 15 do. */
    static final int MAX_LABELLED_EPOCHS = 20;

    private ChartStyle() {
    }

    public static XYChart xyChart(String title, String xAxisTitle, String yAxisTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        XYStyler styler = chart.getStyler();
        apply(styler);
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        styler.setLegendPosition(LegendPosition.OutsideS);
        styler.setLegendLayout(LegendLayout.Horizontal);
        styler.setSeriesColors(PALETTE);
        styler.setMarkerSize(6);
        return chart;
    }

    static void apply(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(BORDER_GREY);
        styler.setPlotGridLinesColor(GRID_GREY);
        styler.setChartTitleFont(TITLE_FONT);
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(AXIS_TITLE_FONT);
        styler.setAxisTickLabelsFont(TICK_FONT);
        styler.setYAxisLabelAlignment(AxesChartStyler.TextAlignment.Right);
        styler.setLegendFont(LEGEND_FONT);
        styler.setLegendBorderColor(BORDER_GREY);
        styler.setAntiAlias(true);
    }

    /** Markers for short series (a few epochs), none for long ones. */
    static void markersByLength(XYSeries series, int points) {
        if (points > MAX_POINTS_WITH_MARKERS) {
            series.setMarker(SeriesMarkers.NONE);
        } else {
            series.setMarker(SeriesMarkers.CIRCLE);
        }
    }

    /**
     * For long runs, widens the x axis by half an epoch on each side. Besides keeping the end points
     * off the plot's border, this makes XChart choose round tick values: for equally spaced x values
     * such as epochs 1..40 it otherwise labels every epoch, with the labels touching.
     */
    static void padEpochAxis(XYChart chart) {
        double[] epochs = chart.getSeriesMap().values().stream()
                .flatMapToDouble(series -> Arrays.stream(series.getXData())).distinct().toArray();
        if (epochs.length > MAX_LABELLED_EPOCHS) {
            chart.getStyler().setXAxisMin(Arrays.stream(epochs).min().orElseThrow() - 0.5);
            chart.getStyler().setXAxisMax(Arrays.stream(epochs).max().orElseThrow() + 0.5);
        }
    }

    public static Color color(int index) {
        return PALETTE[index % PALETTE.length];
    }
}
