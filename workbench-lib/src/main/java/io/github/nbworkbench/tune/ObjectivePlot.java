package io.github.nbworkbench.tune;

import io.github.nbworkbench.plot.ChartStyle;
import io.github.nbworkbench.tables.ReadableNumbers;
import io.github.nbworkbench.train.Mode;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A search's objective trial by trial: each completed trial a dot, each trial stopped early (its
 * objective from fewer epochs) a diamond, and the best so far as a step line. Failed trials have no
 * objective and are not drawn; the title counts them.
 * <pre>{@code
 * ObjectivePlot.chart(trials, History.validation("accuracy"), Mode.AUTO);
 * // "val_accuracy over 24 trials (best 0.9731, trial 17)"
 * }</pre>
 */
public final class ObjectivePlot {

    /** The series of the completed trials. */
    public static final String COMPLETED = "completed";
    /** The series of the trials stopped early. */
    public static final String STOPPED_EARLY = "stopped early";
    /** The series of the best objective so far, among the completed trials. */
    public static final String BEST_SO_FAR = "best so far";

    private ObjectivePlot() {
    }

    /** The chart of a finished search's objective over its trials. */
    public static XYChart chart(SearchResult result) {
        return chart(result.trials(), result.objective(), result.mode());
    }

    /**
     * @param objective the objective's name, a History column such as "val_accuracy"
     * @param mode      whether higher or lower is better; {@link Mode#AUTO} guesses from the objective's name
     * @throws IllegalArgumentException when no trial has an objective
     */
    public static XYChart chart(List<Trial> trials, String objective, Mode mode) {
        Mode resolved = mode.resolve(objective);
        ScoredTrials scored = ScoredTrials.of(trials, "A chart of the objective");
        Trial best = scored.best(resolved);
        XYChart chart = ChartStyle.xyChart(String.format(Locale.ROOT, "%s over %d trials (best %s, trial %d%s)", objective,
                        scored.total(), ReadableNumbers.format(best.objective()), best.number(), scored.failedNote()),
                "trial", objective + (resolved == Mode.MAX ? " (higher is better)" : " (lower is better)"));
        addPoints(chart, COMPLETED, scored.completed(), ChartStyle.color(0), SeriesMarkers.CIRCLE);
        addPoints(chart, STOPPED_EARLY, scored.stoppedEarly(), ChartStyle.color(1), SeriesMarkers.DIAMOND);
        addBestSoFar(chart, scored, resolved);
        List<Trial> succeeded = scored.succeeded();
        // half a trial of margin keeps the first and last points off the border and makes XChart choose round ticks
        chart.getStyler().setXAxisMin(succeeded.get(0).number() - 0.5);
        chart.getStyler().setXAxisMax(succeeded.get(succeeded.size() - 1).number() + 0.5);
        chart.getStyler().setXAxisDecimalPattern("#0");
        return chart;
    }

    private static void addPoints(XYChart chart, String name, List<Trial> trials, Color color, Marker marker) {
        if (trials.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name, trials.stream().mapToDouble(Trial::number).toArray(),
                trials.stream().mapToDouble(Trial::objective).toArray());
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(marker);
        series.setMarkerColor(color);
    }

    /** A step from each new best to the next, held to the last trial with an objective. */
    private static void addBestSoFar(XYChart chart, ScoredTrials scored, Mode mode) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        double best = Double.NaN;
        for (Trial trial : scored.bestCandidates()) {
            if (mode.improves(trial.objective(), best, 0)) {
                best = trial.objective();
            }
            x.add((double) trial.number());
            y.add(best);
        }
        int lastNumber = scored.succeeded().get(scored.succeeded().size() - 1).number();
        if (x.get(x.size() - 1) < lastNumber) {
            x.add((double) lastNumber);
            y.add(best);
        }
        XYSeries series = chart.addSeries(BEST_SO_FAR, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        series.setLineColor(ChartStyle.color(3));
        series.setLineWidth(2f);
        series.setMarker(SeriesMarkers.NONE);
    }
}
