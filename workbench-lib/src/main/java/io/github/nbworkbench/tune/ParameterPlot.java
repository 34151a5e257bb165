package io.github.nbworkbench.tune;

import io.github.nbworkbench.plot.ChartStyle;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The objective against each parameter of a search, one chart per parameter: the value on x (on a
 * log axis for a log-scaled range, the choices in their declared order for a choice), the objective
 * on y, completed trials as dots and trials stopped early as diamonds. The x axis spans the whole
 * range searched and the y axis is the same on every chart, so the charts compare side by side. A
 * conditional parameter shows only the trials that have it; failed trials are not drawn.
 * <pre>{@code
 * Charts.image(ParameterPlot.charts(trials, space, History.validation("accuracy")), 2);
 * }</pre>
 */
public final class ParameterPlot {

    /** The series of the completed trials. */
    public static final String COMPLETED = ObjectivePlot.COMPLETED;
    /** The series of the trials stopped early. */
    public static final String STOPPED_EARLY = ObjectivePlot.STOPPED_EARLY;
    /** The name of the invisible first series that spans the range searched and the objective's values. */
    static final String FRAME = "frame";

    /** Markers let a point beneath show through: trials often share a choice's value. */
    private static final int OPACITY = 170;

    private ParameterPlot() {
    }

    /** One chart per parameter of a finished search, in its space's order. */
    public static List<XYChart> charts(SearchResult result) {
        return charts(result.trials(), result.space(), result.objective());
    }

    /**
     * One chart per parameter of {@code space}, in its order.
     *
     * @param objective the objective's name, a History column such as "val_accuracy"
     * @throws IllegalArgumentException when no trial has an objective
     */
    public static List<XYChart> charts(List<Trial> trials, SearchSpace space, String objective) {
        ScoredTrials scored = ScoredTrials.of(trials, "A chart of the parameters");
        return space.parameters().stream().map(parameter -> chart(scored, new ParameterAxis(parameter), objective)).toList();
    }

    /**
     * The chart of one parameter.
     *
     * @throws IllegalArgumentException when {@code space} has no such parameter, or no trial has an objective
     */
    public static XYChart chart(List<Trial> trials, SearchSpace space, String objective, String parameter) {
        Parameter found = space.parameters().stream().filter(p -> p.name().equals(parameter)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The search space has no parameter '" + parameter + "'; it has "
                        + space.parameters().stream().map(Parameter::name).toList()));
        return chart(ScoredTrials.of(trials, "A chart of the parameters"), new ParameterAxis(found), objective);
    }

    private static XYChart chart(ScoredTrials scored, ParameterAxis axis, String objective) {
        String name = axis.name();
        List<Trial> having = scored.succeeded().stream().filter(trial -> trial.params().has(name)).toList();
        String coverage = having.size() == scored.succeeded().size() ? ""
                : String.format(Locale.ROOT, " (in %d of %d trials)", having.size(), scored.succeeded().size());
        String failed = scored.failedCount();
        XYChart chart = ChartStyle.xyChart(objective + " against " + name + (failed.isEmpty() ? "" : " (" + failed + ")"),
                name + (axis.isLog() ? " (log scale)" : "") + coverage, objective);
        addFrame(chart, axis, scored.succeeded());
        addPoints(chart, COMPLETED, axis, having, Trial.Outcome.COMPLETED, ChartStyle.color(0), SeriesMarkers.CIRCLE);
        addPoints(chart, STOPPED_EARLY, axis, having, Trial.Outcome.STOPPED_EARLY, ChartStyle.color(1), SeriesMarkers.DIAMOND);
        chart.getStyler().setXAxisLogarithmic(axis.isLog());
        if (axis.isChoice()) {
            IndexTicks.apply(chart, ((Parameter.Choice) axis.parameter()).values().stream().map(String::valueOf).toList());
        }
        return chart;
    }

    /**
     * An invisible series over the range searched (every choice, or the range's ends) and the
     * objective's values of all trials: the axes then show where in the space the trials fell, the
     * charts of one search share their y axis, and a choice's indices come first, all of them,
     * for {@link IndexTicks}.
     */
    private static void addFrame(XYChart chart, ParameterAxis axis, List<Trial> succeeded) {
        double[] x = axis.extent();
        double[] y = new double[x.length];
        Arrays.fill(y, succeeded.stream().mapToDouble(Trial::objective).min().orElseThrow());
        y[y.length - 1] = succeeded.stream().mapToDouble(Trial::objective).max().orElseThrow();
        XYSeries frame = chart.addSeries(FRAME, x, y);
        frame.setLineStyle(SeriesLines.NONE);
        frame.setMarker(SeriesMarkers.NONE);
        frame.setShowInLegend(false);
    }

    private static void addPoints(XYChart chart, String name, ParameterAxis axis, List<Trial> trials, Trial.Outcome outcome,
            Color color, Marker marker) {
        List<Trial> shown = trials.stream().filter(trial -> trial.outcome() == outcome).toList();
        if (shown.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name, shown.stream().mapToDouble(trial -> axis.position(trial.params().values().get(axis.name())))
                .toArray(), shown.stream().mapToDouble(Trial::objective).toArray());
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(marker);
        series.setMarkerColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), OPACITY));
    }
}
