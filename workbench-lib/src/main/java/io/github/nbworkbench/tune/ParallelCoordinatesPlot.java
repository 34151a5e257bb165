package io.github.nbworkbench.tune;

import io.github.nbworkbench.plot.ChartStyle;
import io.github.nbworkbench.tables.ReadableNumbers;
import io.github.nbworkbench.train.Mode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * All trials of a search at once: one vertical axis per parameter and a last one for the
 * objective, each trial a line through its values. Each axis runs from the bottom to the top of
 * what the search could try (in the logarithm for a log-scaled range; a choice's values evenly, in
 * their declared order, each written beside the axis), the objective's from its lowest to its
 * highest value; a range's ends are written under and over its axis. Lines are coloured by rank from
 * the worst objective (light) to the best (dark), so that one diverged trial does not squeeze the
 * others into one colour; the best trial is drawn last, on top, thicker. Trials stopped early are
 * dashed; failed trials are not drawn.
 *
 * <p>A conditional parameter that a trial does not have puts the trial's line on a marked "absent"
 * spot under that axis, so that the line still runs on to the objective.
 * <pre>{@code
 * ParallelCoordinatesPlot.chart(trials, space, History.validation("accuracy"), Mode.AUTO);
 * }</pre>
 */
public final class ParallelCoordinatesPlot {

    /** The start of the legend name of the best trial's line. */
    public static final String BEST = "best";
    /** The start of the legend name of the worst trial's line. */
    public static final String WORST = "worst";
    /** The start of the legend name of one dashed line, to explain the dashes. */
    public static final String STOPPED_EARLY = "dashed: stopped early";
    /** Where a line crosses the axis of a parameter its trial does not have, on the axes' 0 (bottom) to 1 (top) scale. */
    public static final double ABSENT = -0.18;

    /** The colour ramp from the worst trial to the best: matplotlib's "Blues" from light to dark. */
    private static final Color[] RAMP = {new Color(0xc6dbef), new Color(0x4292c6), new Color(0x08306b)};
    private static final Color AXIS_GREY = Color.GRAY;
    private static final float LINE_WIDTH = 1.5f;
    private static final float BEST_LINE_WIDTH = 4f;
    /** How far a range's end labels sit under and over its axis, on the axes' scale. */
    private static final double END_LABEL_GAP = 0.06;
    /** Above this many characters of names along the x axis, the names are turned to fit. */
    private static final int X_LABEL_CHARACTERS_UNROTATED = 60;
    /** What the y axis, the legend and the margins take of the chart's width, in pixels: to place labels beside an axis. */
    private static final int NON_PLOT_WIDTH = 70;
    /** The space between an axis and a label beside it, in pixels. */
    private static final int LABEL_PADDING = 5;

    private ParallelCoordinatesPlot() {
    }

    /** The parallel coordinates of a finished search's trials. */
    public static XYChart chart(SearchResult result) {
        return chart(result.trials(), result.space(), result.objective(), result.mode());
    }

    /**
     * @param objective the objective's name, a History column such as "val_accuracy"
     * @param mode      whether higher or lower is better; {@link Mode#AUTO} guesses from the objective's name
     * @throws IllegalArgumentException when no trial has an objective
     */
    public static XYChart chart(List<Trial> trials, SearchSpace space, String objective, Mode mode) {
        Mode resolved = mode.resolve(objective);
        ScoredTrials scored = ScoredTrials.of(trials, "A parallel coordinates chart");
        List<ParameterAxis> axes = space.parameters().stream().map(ParameterAxis::new).toList();
        List<String> names = new ArrayList<>(axes.stream().map(ParameterAxis::name).toList());
        names.add(objective);
        XYChart chart = ChartStyle.xyChart(String.format(Locale.ROOT, "%s by parameters (%d trials%s)", objective, scored.total(),
                scored.failedNote()), "", "each axis from its lowest value (bottom) to its highest (top)");
        List<Boolean> sometimesAbsent = axes.stream().map(axis -> isSometimesAbsent(axis, scored)).toList();
        styleAxes(chart, names, sometimesAbsent.contains(true));
        for (int i = 0; i < axes.size(); i++) {
            drawAxis(chart, i, axes.get(i), sometimesAbsent.get(i));
        }
        double lowest = scored.succeeded().stream().mapToDouble(Trial::objective).min().orElseThrow();
        double highest = scored.succeeded().stream().mapToDouble(Trial::objective).max().orElseThrow();
        drawObjectiveAxis(chart, axes.size(), objective, lowest, highest);
        drawTrials(chart, scored, axes, resolved, lowest, highest);
        return chart;
    }

    private static boolean isSometimesAbsent(ParameterAxis axis, ScoredTrials scored) {
        return scored.succeeded().stream().anyMatch(trial -> !trial.params().has(axis.name()));
    }

    private static void styleAxes(XYChart chart, List<String> names, boolean anyAbsent) {
        chart.getStyler().setYAxisMin(anyAbsent ? ABSENT - END_LABEL_GAP : -2 * END_LABEL_GAP).setYAxisMax(1 + 2 * END_LABEL_GAP);
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setPlotGridLinesVisible(false);
        IndexTicks.apply(chart, names);
        if (names.stream().mapToInt(String::length).sum() > X_LABEL_CHARACTERS_UNROTATED) {
            chart.getStyler().setXAxisLabelRotation(45);
        }
        chart.getStyler().setAnnotationTextFont(chart.getStyler().getAxisTickLabelsFont());
        chart.getStyler().setAnnotationTextFontColor(chart.getStyler().getAxisTickLabelsColor());
    }

    /**
     * A grey line, drawn before the trials so that they run over it (its x values, equally spaced
     * over all axes, give each axis one tick), its values written beside or at its ends, and the
     * absent spot under it when some trials lack the parameter.
     */
    private static void drawAxis(XYChart chart, int index, ParameterAxis axis, boolean sometimesAbsent) {
        addAxisLine(chart, index, axis.name());
        double[] extent = axis.extent();
        if (axis.isChoice()) {
            List<Object> values = ((Parameter.Choice) axis.parameter()).values();
            for (Object value : values) {
                labelBeside(chart, index, axis.scaled(value), String.valueOf(value));
            }
        } else {
            labelEnds(chart, index, ReadableNumbers.format(extent[0]), ReadableNumbers.format(extent[1]));
        }
        if (sometimesAbsent) {
            XYSeries spot = chart.addSeries("absent " + axis.name(), new double[] {index}, new double[] {ABSENT});
            spot.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            spot.setMarker(SeriesMarkers.SQUARE);
            spot.setMarkerColor(AXIS_GREY);
            spot.setShowInLegend(false);
            labelBeside(chart, index, ABSENT, "absent");
        }
    }

    private static void drawObjectiveAxis(XYChart chart, int index, String objective, double lowest, double highest) {
        addAxisLine(chart, index, objective);
        labelEnds(chart, index, ReadableNumbers.format(lowest), ReadableNumbers.format(highest));
    }

    private static void addAxisLine(XYChart chart, int index, String name) {
        XYSeries line = chart.addSeries("axis " + name, new double[] {index, index}, new double[] {0, 1});
        line.setLineColor(AXIS_GREY);
        line.setLineWidth(1f);
        line.setMarker(SeriesMarkers.NONE);
        line.setShowInLegend(false);
    }

    private static void labelEnds(XYChart chart, int axis, String bottom, String top) {
        chart.addAnnotation(new AnnotationText(bottom, axis, -END_LABEL_GAP, false));
        chart.addAnnotation(new AnnotationText(top, axis, 1 + END_LABEL_GAP, false));
    }

    /** A label just right of an axis: XChart centres annotations on their point, so the point is moved by half the text's width. */
    private static void labelBeside(XYChart chart, int axis, double y, String text) {
        double textWidth = chart.getStyler().getAnnotationTextFont().getStringBounds(text, new FontRenderContext(null, true, false)).getWidth();
        double axisSpan = chart.getStyler().getXAxisMax() - chart.getStyler().getXAxisMin();
        double unitsPerPixel = axisSpan / (chart.getWidth() - NON_PLOT_WIDTH);
        chart.addAnnotation(new AnnotationText(text, axis + (textWidth / 2 + LABEL_PADDING) * unitsPerPixel, y, false));
    }

    /** The trials from the worst objective to the best, each coloured by its rank, the best one last. */
    private static void drawTrials(XYChart chart, ScoredTrials scored, List<ParameterAxis> axes, Mode mode, double lowest, double highest) {
        Trial best = scored.best(mode);
        Comparator<Trial> worstFirst = Comparator.comparingDouble(Trial::objective);
        if (mode == Mode.MIN) {
            worstFirst = worstFirst.reversed();
        }
        List<Trial> ordered = new ArrayList<>(scored.succeeded().stream().sorted(worstFirst).toList());
        ordered.remove(best);
        ordered.add(best);
        boolean dashesExplained = false;
        for (int rank = 0; rank < ordered.size(); rank++) {
            Trial trial = ordered.get(rank);
            double[] y = new double[axes.size() + 1];
            for (int i = 0; i < axes.size(); i++) {
                Object value = trial.params().values().get(axes.get(i).name());
                y[i] = value == null ? ABSENT : axes.get(i).scaled(value);
            }
            y[axes.size()] = highest > lowest ? (trial.objective() - lowest) / (highest - lowest) : 0.5;
            boolean stoppedEarly = trial.outcome() == Trial.Outcome.STOPPED_EARLY;
            String name = legendName(trial, best, rank, stoppedEarly && !dashesExplained);
            XYSeries line = chart.addSeries(name, IntStream.rangeClosed(0, axes.size()).asDoubleStream().toArray(), y);
            line.setLineColor(ramp(ordered.size() == 1 ? 1 : (double) rank / (ordered.size() - 1)));
            line.setMarker(SeriesMarkers.NONE);
            float width = trial == best ? BEST_LINE_WIDTH : LINE_WIDTH;
            line.setLineWidth(width);
            line.setLineStyle(stoppedEarly ? dashed(width) : new BasicStroke(width));
            line.setShowInLegend(!name.startsWith("trial "));
            dashesExplained |= name.startsWith(STOPPED_EARLY);
        }
    }

    /** The legend's names for the best and the worst trial and for the first dashed line; "trial N" for the others, which the legend leaves out. */
    private static String legendName(Trial trial, Trial best, int rank, boolean explainsDashes) {
        String value = ReadableNumbers.format(trial.objective());
        if (trial == best) {
            return String.format(Locale.ROOT, "%s: trial %d (%s)", BEST, trial.number(), value);
        }
        if (rank == 0) {
            return String.format(Locale.ROOT, "%s: trial %d (%s)", WORST, trial.number(), value);
        }
        if (explainsDashes) {
            return String.format(Locale.ROOT, "%s (trial %d, %s)", STOPPED_EARLY, trial.number(), value);
        }
        return "trial " + trial.number();
    }

    private static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, SeriesLines.DASH_DASH.getDashArray(), 0f);
    }

    /** The colour at {@code t} from 0 (worst) to 1 (best), interpolated between the ramp's stops. */
    private static Color ramp(double t) {
        double scaled = t * (RAMP.length - 1);
        int stop = Math.min((int) scaled, RAMP.length - 2);
        double within = scaled - stop;
        Color from = RAMP[stop];
        Color to = RAMP[stop + 1];
        return new Color(mix(from.getRed(), to.getRed(), within), mix(from.getGreen(), to.getGreen(), within),
                mix(from.getBlue(), to.getBlue(), within));
    }

    private static int mix(int from, int to, double within) {
        return (int) Math.round(from + (to - from) * within);
    }
}
