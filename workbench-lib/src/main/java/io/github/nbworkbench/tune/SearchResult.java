package io.github.nbworkbench.tune;

import io.github.nbworkbench.tables.ReadableNumbers;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Mode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The trials of a finished (or budget-ended) search, best first where sorted, with their histories. */
public final class SearchResult {

    private final SearchSpace space;
    private final String objective;
    private final Mode mode;
    private final List<Trial> trials;
    private final Map<Integer, History> histories;
    private final String endReason;

    SearchResult(SearchSpace space, String objective, Mode mode, List<Trial> trials, Map<Integer, History> histories, String endReason) {
        this.space = space;
        this.objective = objective;
        this.mode = mode;
        this.trials = List.copyOf(trials);
        this.histories = Map.copyOf(histories);
        this.endReason = endReason;
    }

    /** Every trial, in the order they ran. */
    public List<Trial> trials() {
        return trials;
    }

    /**
     * The completed trial with the best objective (the earlier one of a tie), as in Optuna: a trial
     * stopped early scored fewer epochs, so it is the best only when no trial completed.
     */
    public Trial best() {
        if (trials.stream().noneMatch(Trial::succeeded)) {
            throw new IllegalStateException("No trial of this search succeeded: " + trials.size() + " failed; see table() for their errors");
        }
        return ScoredTrials.of(trials, "best()").best(mode);
    }

    /** The best trial's parameters, to retrain the chosen model with. */
    public Params bestParams() {
        return best().params();
    }

    /** The History trial {@code number} recorded, if it trained. */
    public Optional<History> history(int number) {
        return Optional.ofNullable(histories.get(number));
    }

    /** The space the trials were drawn from. */
    public SearchSpace space() {
        return space;
    }

    /** The objective's column name, such as {@code val_accuracy}. */
    public String objective() {
        return objective;
    }

    /** Whether a higher ({@link Mode#MAX}) or lower objective is better. */
    public Mode mode() {
        return mode;
    }

    /** Why the search ended, such as "ran its 20 trials". */
    public String endReason() {
        return endReason;
    }

    /** The epochs trained over all trials. */
    public int totalEpochs() {
        return trials.stream().mapToInt(Trial::epochs).sum();
    }

    /** The seconds the trials took. */
    public double totalSeconds() {
        return trials.stream().mapToDouble(Trial::seconds).sum();
    }

    /** The successful trials, the candidates for {@link #best()} first, each part by objective (ties: the earlier trial). */
    List<Trial> ranked() {
        return ranked(trials, mode);
    }

    static List<Trial> ranked(List<Trial> trials, Mode mode) {
        if (trials.stream().noneMatch(Trial::succeeded)) {
            return List.of();
        }
        List<Trial> candidates = ScoredTrials.of(trials, "a ranking").bestCandidates();
        Comparator<Trial> byObjective = Comparator.comparingDouble(Trial::objective);
        return trials.stream().filter(Trial::succeeded)
                .sorted(Comparator.comparing((Trial trial) -> !candidates.contains(trial))
                        .thenComparing(mode == Mode.MAX ? byObjective.reversed() : byObjective).thenComparingInt(Trial::number))
                .toList();
    }

    /**
     * One row per trial, best first (trials stopped early after the completed ones), failed trials last: trial, each parameter (empty where a
     * conditional one is absent), the objective, epochs, seconds, outcome and why it stopped early or failed.
     */
    public Table table() {
        List<Trial> rows = new java.util.ArrayList<>(ranked());
        trials.stream().filter(trial -> !trial.succeeded()).forEach(rows::add);
        Table table = Table.create("Trials of the search (" + objective + ", " + (mode == Mode.MAX ? "higher" : "lower") + " is better)");
        table.addColumns(IntColumn.create("trial", rows.stream().mapToInt(Trial::number).toArray()));
        for (Parameter parameter : space.parameters()) {
            table.addColumns(column(parameter, rows));
        }
        table.addColumns(
                ReadableNumbers.apply(DoubleColumn.create(objective, rows.stream().mapToDouble(Trial::objective).toArray())),
                IntColumn.create("epochs", rows.stream().mapToInt(Trial::epochs).toArray()),
                ReadableNumbers.apply(DoubleColumn.create("seconds", rows.stream().mapToDouble(Trial::seconds).toArray())),
                StringColumn.create("outcome", rows.stream().map(trial -> trial.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '))),
                StringColumn.create("reason", rows.stream().map(trial -> trial.reason() == null ? "" : trial.reason())));
        return table;
    }

    private static Column<?> column(Parameter parameter, List<Trial> rows) {
        String name = parameter.name();
        List<Object> values = rows.stream().map(trial -> trial.params().values().get(name)).toList();
        if (parameter instanceof Parameter.RealRange) {
            return ReadableNumbers.apply(DoubleColumn.create(name,
                    values.stream().mapToDouble(value -> value == null ? Double.NaN : (Double) value).toArray()));
        }
        if (parameter instanceof Parameter.IntRange) {
            IntColumn column = IntColumn.create(name);
            values.forEach(value -> {
                if (value == null) {
                    column.appendMissing();
                } else {
                    column.append((Integer) value);
                }
            });
            return column;
        }
        return StringColumn.create(name, values.stream().map(value -> value == null ? "" : value.toString()));
    }

    @Override
    public String toString() {
        String best = ranked().isEmpty() ? "no trial succeeded"
                : String.format(Locale.ROOT, "best %s %.4f in trial %d %s", objective, best().objective(), best().number(), best().params());
        long early = trials.stream().filter(trial -> trial.outcome() == Trial.Outcome.STOPPED_EARLY).count();
        long failed = trials.stream().filter(trial -> !trial.succeeded()).count();
        return String.format(Locale.ROOT, "Search of %d trials (%d stopped early, %d failed, %d epochs, %s): %s; it %s",
                trials.size(), early, failed, totalEpochs(), Durations.seconds(totalSeconds()), best, endReason);
    }
}
