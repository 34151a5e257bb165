package io.github.nbworkbench.tune;

import io.github.nbworkbench.tables.ReadableNumbers;
import io.github.nbworkbench.train.Mode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Which parameters mattered in a search, estimated from its completed trials: for each parameter,
 * the share of the objective's variance that its value explains on its own.
 *
 * <p>The method is a one-way analysis of variance per parameter. The trials are grouped by the
 * parameter's value: a choice by its values, a range into quantile bins (about the square root of
 * the trial count, 2 to {@value #MAX_BINS}, each holding about as many trials, equal values in one
 * bin). A parameter's importance is the part of the objective's spread that lies between the groups,
 * corrected for the part that noise alone puts there (epsilon squared, Kelley's bias-corrected eta
 * squared: (SS_between - (groups - 1) MS_within) / SS_total, 0 when below 0); the importances are
 * then scaled to sum to 1. A conditional parameter is judged on the trials that have it.
 *
 * <p>Its limits: each parameter is judged alone, so what two parameters do only together (a
 * learning rate that suits one batch size) is missed or split between them, and a parameter that
 * moved with another in the trials a model-based sampler picked takes some of the other's share.
 * With few trials the shares are rough; a parameter with as many distinct groups as trials cannot be
 * told from noise and gets 0. Trials stopped early are left out (as in Optuna), their objective
 * being from fewer epochs, and so are failed trials.
 * <pre>{@code
 * ParameterImportance.of(trials, space, Mode.MAX).table();
 * }</pre>
 */
public final class ParameterImportance {

    /** The fewest completed trials an estimate needs. */
    public static final int MIN_TRIALS = 3;
    static final int MAX_BINS = 10;

    /** One parameter's estimate: its share, the trials it was judged on, and its group with the best mean objective. */
    private record Estimate(String parameter, double share, int trials, String best) {
    }

    /** Trials with one value of a parameter, or with values in one bin, and the value or range that names them. */
    private record Group(String label, List<Trial> trials) {
    }

    private final List<Estimate> estimates;
    private final int completed;

    private ParameterImportance(List<Estimate> estimates, int completed) {
        this.estimates = estimates;
        this.completed = completed;
    }

    /** How much each parameter of a finished search mattered, from its completed trials. */
    public static ParameterImportance of(SearchResult result) {
        return of(result.trials(), result.space(), result.mode());
    }

    /**
     * @param mode {@link Mode#MAX} or {@link Mode#MIN}: which groups' objective is best
     * @throws IllegalArgumentException when fewer than {@value #MIN_TRIALS} trials completed, or the mode is AUTO
     */
    public static ParameterImportance of(List<Trial> trials, SearchSpace space, Mode mode) {
        if (mode == Mode.AUTO) {
            throw new IllegalArgumentException("Parameter importance needs Mode.MAX or Mode.MIN to tell the best values; "
                    + "for an objective named like a History column use Mode.AUTO.resolve(objective)");
        }
        List<Trial> completed = trials.stream().filter(trial -> trial.outcome() == Trial.Outcome.COMPLETED).toList();
        if (completed.size() < MIN_TRIALS) {
            long stoppedEarly = trials.stream().filter(trial -> trial.outcome() == Trial.Outcome.STOPPED_EARLY).count();
            throw new IllegalArgumentException("Parameter importance needs at least " + MIN_TRIALS + " completed trials, this search has "
                    + completed.size() + " (of " + trials.size() + " trials, " + stoppedEarly + " stopped early and "
                    + (trials.size() - completed.size() - stoppedEarly) + " failed); run more trials");
        }
        List<Estimate> raw = space.parameters().stream().map(parameter -> estimate(new ParameterAxis(parameter), completed, mode)).toList();
        double total = raw.stream().mapToDouble(Estimate::share).sum();
        List<Estimate> shares = raw.stream()
                .map(estimate -> new Estimate(estimate.parameter(), total > 0 ? estimate.share() / total : 0, estimate.trials(), estimate.best()))
                .sorted(Comparator.comparingDouble(Estimate::share).reversed())
                .toList();
        return new ParameterImportance(shares, completed.size());
    }

    /** The parameter names, most important first (declaration order among equals). */
    public List<String> ranking() {
        return estimates.stream().map(Estimate::parameter).toList();
    }

    /** A parameter's share of the importance, from 0 to 1; the shares sum to 1 (or are all 0 when no parameter explains anything). */
    public double share(String parameter) {
        return estimates.stream().filter(estimate -> estimate.parameter().equals(parameter)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No parameter '" + parameter + "' in this search; it has " + ranking()))
                .share();
    }

    /**
     * One row per parameter, most important first: parameter, importance (its share), trials (the
     * completed trials that have it) and best (the value, or range of values, whose trials had the
     * best mean objective).
     */
    public Table table() {
        return Table.create("Parameter importance from " + completed + " completed trials",
                StringColumn.create("parameter", estimates.stream().map(Estimate::parameter)),
                ReadableNumbers.applyToFractions(DoubleColumn.create("importance", estimates.stream().mapToDouble(Estimate::share))),
                IntColumn.create("trials", estimates.stream().mapToInt(Estimate::trials).toArray()),
                StringColumn.create("best", estimates.stream().map(Estimate::best)));
    }

    @Override
    public String toString() {
        return table().print();
    }

    private static Estimate estimate(ParameterAxis axis, List<Trial> completed, Mode mode) {
        List<Trial> having = completed.stream().filter(trial -> trial.params().has(axis.name())).toList();
        List<Group> groups = axis.isChoice() ? choiceGroups(axis, having) : quantileBins(axis, having);
        if (groups.size() < 2 || groups.size() >= having.size()) {
            return new Estimate(axis.name(), 0, having.size(), groups.size() == 1 ? groups.get(0).label() : "");
        }
        double mean = having.stream().mapToDouble(Trial::objective).average().orElseThrow();
        double total = having.stream().mapToDouble(trial -> square(trial.objective() - mean)).sum();
        double between = 0;
        String best = null;
        double bestMean = Double.NaN;
        for (Group group : groups) {
            double groupMean = group.trials().stream().mapToDouble(Trial::objective).average().orElseThrow();
            between += group.trials().size() * square(groupMean - mean);
            if (mode.improves(groupMean, bestMean, 0)) {
                bestMean = groupMean;
                best = group.label();
            }
        }
        double withinMeanSquare = (total - between) / (having.size() - groups.size());
        double share = total > 0 ? Math.max(0, (between - (groups.size() - 1) * withinMeanSquare) / total) : 0;
        return new Estimate(axis.name(), share, having.size(), best);
    }

    private static List<Group> choiceGroups(ParameterAxis axis, List<Trial> having) {
        List<Group> groups = new ArrayList<>();
        for (Object value : ((Parameter.Choice) axis.parameter()).values()) {
            List<Trial> group = having.stream().filter(trial -> value.equals(trial.params().values().get(axis.name()))).toList();
            if (!group.isEmpty()) {
                groups.add(new Group(String.valueOf(value), group));
            }
        }
        return groups;
    }

    /** About sqrt(n) bins of about equal counts, by value; equal values stay in one bin. Named by their value range. */
    private static List<Group> quantileBins(ParameterAxis axis, List<Trial> having) {
        Function<Trial, Double> value = trial -> axis.position(trial.params().values().get(axis.name()));
        List<Trial> sorted = having.stream().sorted(Comparator.comparing(value)).toList();
        int bins = Math.max(2, Math.min(MAX_BINS, (int) Math.round(Math.sqrt(sorted.size()))));
        List<List<Trial>> grouped = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            boolean sameAsPrevious = i > 0 && value.apply(sorted.get(i)).equals(value.apply(sorted.get(i - 1)));
            boolean nextBin = i > 0 && (long) i * bins / sorted.size() > (long) (i - 1) * bins / sorted.size();
            if (grouped.isEmpty() || (nextBin && !sameAsPrevious)) {
                grouped.add(new ArrayList<>());
            }
            grouped.get(grouped.size() - 1).add(sorted.get(i));
        }
        List<Group> named = new ArrayList<>();
        for (List<Trial> bin : grouped) {
            String from = ReadableNumbers.format(value.apply(bin.get(0)));
            String to = ReadableNumbers.format(value.apply(bin.get(bin.size() - 1)));
            named.add(new Group(from.equals(to) ? from : from + " .. " + to, bin));
        }
        return named;
    }

    private static double square(double value) {
        return value * value;
    }
}
