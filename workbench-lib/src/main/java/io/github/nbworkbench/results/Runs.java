package io.github.nbworkbench.results;

import io.github.nbworkbench.plot.RunCurves;
import io.github.nbworkbench.tables.ReadableNumbers;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Mode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Training runs side by side, in order: each a name, its History and, for runs read back from a
 * results folder ({@link SavedRun#loadAll}), its {@link RunCard}. One summary table, one chart per
 * metric, and the gap between validation and training.
 *
 * <pre>{@code
 * Runs runs = Runs.of("baseline", baselineHistory).and("dropout", dropoutHistory);
 * runs.table();               // one row per run: epochs, time, speed, final loss, val_loss, their gap, metrics
 * runs.chart("loss");         // loss per epoch, a colour per run, validation dashed
 * runs.gapChart("loss");      // val_loss - loss per epoch: how far each run overfits
 * SavedRun.loadAll(Path.of("results")).table();
 * }</pre>
 *
 * Immutable: {@link #and} returns new runs.
 */
public final class Runs {

    static final String GAP = "gap";
    private static final String VALIDATION_LOSS = History.VALIDATION_PREFIX + History.LOSS;
    /** Columns of a History that describe the run's speed, not the model. */
    private static final Set<String> NOT_METRICS = Set.of(History.LEARNING_RATE, History.SECONDS, History.SAMPLES_PER_SECOND);

    /** @param history null when the run was exported without one; @param card null for runs in memory */
    private record Run(String name, History history, RunCard card) {
    }

    private final List<Run> runs;

    private Runs(List<Run> runs) {
        this.runs = List.copyOf(runs);
    }

    /** One run. */
    public static Runs of(String name, History history) {
        return new Runs(List.of()).and(name, history);
    }

    /**
     * The runs of {@code histories}, in the map's order (use a {@code LinkedHashMap} to choose it).
     *
     * @throws IllegalArgumentException when there are none
     */
    public static Runs of(Map<String, History> histories) {
        if (histories.isEmpty()) {
            throw new IllegalArgumentException("No runs to compare; pass a map from run name to the History that Trainer.fit returned.");
        }
        Runs runs = new Runs(List.of());
        for (Map.Entry<String, History> run : histories.entrySet()) {
            runs = runs.and(run.getKey(), run.getValue());
        }
        return runs;
    }

    /** Runs read back from a results folder, each with whatever it was exported with. */
    static Runs saved(List<SavedRun> saved) {
        return new Runs(saved.stream().map(run -> new Run(run.name(), run.history(), run.card())).toList());
    }

    /** These runs and one more, last. */
    public Runs and(String name, History history) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(history, "history");
        if (names().contains(name)) {
            throw new IllegalArgumentException("There is a run named '" + name + "' already; give each run its own name");
        }
        List<Run> more = new ArrayList<>(runs);
        more.add(new Run(name, history, null));
        return new Runs(more);
    }

    /**
     * Only the runs named, in the order given.
     *
     * @throws IllegalArgumentException for a name that is not a run
     */
    public Runs only(String... names) {
        List<Run> chosen = new ArrayList<>();
        for (String name : names) {
            chosen.add(run(name));
        }
        return new Runs(chosen);
    }

    public List<String> names() {
        return runs.stream().map(Run::name).toList();
    }

    public int size() {
        return runs.size();
    }

    /**
     * The run's History.
     *
     * @throws IllegalArgumentException when there is no such run or it was exported without a History
     */
    public History history(String name) {
        Run run = run(name);
        if (run.history() == null) {
            throw new IllegalArgumentException("The run '" + name + "' was exported without a History");
        }
        return run.history();
    }

    /** The run's card: present for runs read back from a results folder with one. */
    public Optional<RunCard> card(String name) {
        return Optional.ofNullable(run(name).card());
    }

    /**
     * One row per run: {@code run}; {@code epochs} trained; {@code best_epoch}, the one with the
     * lowest val_loss; {@code model_epoch}, the one whose weights the model holds (an earlier one when
     * EarlyStopping restored the best); {@code training_s}, the sum of the epochs' seconds;
     * {@code samples_per_s}, the mean training speed; with run cards, {@code seed}, {@code data_hash}
     * (its start) and {@code deterministic}; then the final values (those of the model epoch, or the
     * card's final metrics) of {@code loss}, {@code val_loss}, their {@code gap} (val_loss - loss, the
     * usual measure of overfitting) and every other metric. A value a run does not have is missing.
     */
    public Table table() {
        StringColumn names = StringColumn.create("run");
        IntColumn epochs = IntColumn.create("epochs");
        IntColumn bestEpochs = IntColumn.create("best_epoch");
        IntColumn modelEpochs = IntColumn.create("model_epoch");
        DoubleColumn seconds = DoubleColumn.create("training_s");
        DoubleColumn speeds = DoubleColumn.create(History.SAMPLES_PER_SECOND);
        StringColumn seeds = StringColumn.create("seed");
        StringColumn hashes = StringColumn.create("data_hash");
        StringColumn deterministic = StringColumn.create("deterministic");
        DoubleColumn losses = DoubleColumn.create(History.LOSS);
        DoubleColumn validationLosses = DoubleColumn.create(VALIDATION_LOSS);
        DoubleColumn gaps = DoubleColumn.create(GAP);
        Map<String, DoubleColumn> metrics = new LinkedHashMap<>();
        runs.forEach(run -> finalMetrics(run).keySet().stream().filter(metric -> !metric.equals(History.LOSS) && !metric.equals(VALIDATION_LOSS))
                .forEach(metric -> metrics.computeIfAbsent(metric, DoubleColumn::create)));
        for (Run run : runs) {
            History history = run.history();
            RunCard card = run.card();
            names.append(run.name());
            append(epochs, history != null ? Integer.valueOf(history.lastEpoch()) : card != null ? intField(card, "training", "epochs") : null);
            append(bestEpochs, bestEpoch(history));
            append(modelEpochs, card != null && card.modelEpoch() != null ? card.modelEpoch()
                    : history != null && history.rowCount() > 0 ? Integer.valueOf(history.modelEpoch()) : null);
            seconds.append(summary(history, History.SECONDS, DoubleColumn::sum));
            speeds.append(summary(history, History.SAMPLES_PER_SECOND, DoubleColumn::mean));
            seeds.append(card == null || card.seed() == null ? "" : card.seed().toString());
            String hash = card == null ? null : card.field("data", "hash");
            hashes.append(hash == null ? "" : hash.substring(0, Math.min(hash.length(), 19)));
            String identical = card == null ? null : card.field("determinism", "identical_weights");
            deterministic.append(identical == null ? "not checked" : identical.equals("true") ? "yes" : "no");
            Map<String, Double> values = finalMetrics(run);
            double loss = values.getOrDefault(History.LOSS, Double.NaN);
            double validationLoss = values.getOrDefault(VALIDATION_LOSS, Double.NaN);
            losses.append(loss);
            validationLosses.append(validationLoss);
            gaps.append(validationLoss - loss);
            metrics.forEach((metric, column) -> column.append(values.getOrDefault(metric, Double.NaN)));
        }
        Table table = Table.create("Runs", names, epochs, bestEpochs, modelEpochs, ReadableNumbers.apply(seconds), ReadableNumbers.apply(speeds));
        if (runs.stream().anyMatch(run -> run.card() != null)) {
            table.addColumns(seeds, hashes, deterministic);
        }
        table.addColumns(ReadableNumbers.apply(losses), ReadableNumbers.apply(validationLosses), ReadableNumbers.apply(gaps));
        metrics.values().forEach(column -> table.addColumns(ReadableNumbers.apply(column)));
        return table;
    }

    /**
     * {@code metric} per epoch of every run with a History, a colour per run, training solid and
     * validation dashed ("val_accuracy" is read as "accuracy").
     *
     * @throws IllegalArgumentException when no run has a History, or a run lacks the metric
     */
    public XYChart chart(String metric) {
        return RunCurves.chart(histories(), metric);
    }

    /**
     * The generalisation gap of {@code metric} per epoch of every run with a History: validation minus
     * training value (for a loss, above zero means the model does better on data it trained on).
     *
     * @throws IllegalArgumentException when no run has a History, or a run lacks the metric's training or validation column
     */
    public XYChart gapChart(String metric) {
        return RunCurves.gapChart(histories(), metric);
    }

    @Override
    public String toString() {
        return "Runs " + names();
    }

    private Map<String, History> histories() {
        Map<String, History> histories = new LinkedHashMap<>();
        runs.stream().filter(run -> run.history() != null).forEach(run -> histories.put(run.name(), run.history()));
        if (histories.isEmpty()) {
            throw new IllegalArgumentException("None of the runs " + names() + " has a History to draw");
        }
        return histories;
    }

    private Run run(String name) {
        return runs.stream().filter(run -> run.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("There is no run '" + name + "'; the runs are " + names()));
    }

    /** The card's final metrics, or else the values of the History's model epoch; without the speed columns. */
    private static Map<String, Double> finalMetrics(Run run) {
        Map<String, Double> values = new LinkedHashMap<>(run.card() != null && !run.card().finalMetrics().isEmpty()
                ? run.card().finalMetrics() : run.history() == null ? Map.of() : RunCard.finalMetricsOf(run.history()));
        values.keySet().removeAll(NOT_METRICS);
        return values;
    }

    private static Integer bestEpoch(History history) {
        if (history == null || !history.containsColumn(VALIDATION_LOSS)
                || history.doubleColumn(VALIDATION_LOSS).countMissing() == history.rowCount()) {
            return null;
        }
        return history.bestEpoch(VALIDATION_LOSS, Mode.MIN);
    }

    /** {@code statistic} of a History's column, its missing values left out; missing when it has none. */
    private static double summary(History history, String column, ToDoubleFunction<DoubleColumn> statistic) {
        if (history == null || !history.containsColumn(column) || history.doubleColumn(column).countMissing() == history.rowCount()) {
            return Double.NaN;
        }
        return statistic.applyAsDouble(history.doubleColumn(column).removeMissing());
    }

    private static Integer intField(RunCard card, String section, String key) {
        String value = card.field(section, key);
        return value == null ? null : Integer.valueOf(value);
    }

    private static void append(IntColumn column, Integer value) {
        if (value == null) {
            column.appendMissing();
        } else {
            column.append(value);
        }
    }
}
