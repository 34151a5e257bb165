package io.github.nbworkbench.eval;

import io.github.nbworkbench.tables.ReadableNumbers;
import io.github.nbworkbench.train.History;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Several training runs side by side, one row per run: how many epochs it ran, the epoch with the
 * lowest {@code val_loss}, the last epoch's loss and val_loss, their <b>gap</b> (val_loss - loss,
 * the usual measure of overfitting), and the last epoch's value of every other metric and its
 * {@code val_} twin.
 *
 * <pre>{@code
 * Table runs = RunSummary.of(Map.of("baseline", h1, "dropout", h2));
 * }</pre>
 *
 * Pair it with {@link io.github.nbworkbench.plot.RunComparison}, which draws the same runs' curves.
 */
public final class RunSummary {

    static final String GAP = "gap";
    private static final String EPOCH = History.EPOCH;
    private static final String LOSS = History.LOSS;
    private static final String VALIDATION_LOSS = History.VALIDATION_LOSS;
    private static final Set<String> NOT_METRICS = Set.of(EPOCH, LOSS, VALIDATION_LOSS,
            History.LEARNING_RATE, History.SECONDS, History.SAMPLES_PER_SECOND);

    private RunSummary() {
    }

    /**
     * The summary of {@code runs}, in the map's order (use a {@code LinkedHashMap} to choose it).
     * Runs without validation data get missing values in the validation columns.
     *
     * @throws IllegalArgumentException when there are no runs, or a run has no epoch or loss column
     */
    public static Table of(Map<String, ? extends Table> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("No runs to summarise; pass a map from run name to history table.");
        }
        List<String> metrics = otherMetrics(runs);
        StringColumn names = StringColumn.create("run");
        IntColumn epochs = IntColumn.create("epochs");
        IntColumn bestEpochs = IntColumn.create("best_epoch");
        DoubleColumn losses = DoubleColumn.create(LOSS);
        DoubleColumn validationLosses = DoubleColumn.create(VALIDATION_LOSS);
        DoubleColumn gaps = DoubleColumn.create(GAP);
        List<DoubleColumn> metricColumns = new ArrayList<>();
        metrics.forEach(metric -> metricColumns.add(DoubleColumn.create(metric)));
        for (Map.Entry<String, ? extends Table> run : runs.entrySet()) {
            Table history = checked(run.getKey(), run.getValue());
            int last = history.rowCount() - 1;
            names.append(run.getKey());
            epochs.append(last < 0 ? 0 : (int) numbers(history, EPOCH).getDouble(last));
            bestEpoch(history).ifPresentOrElse(bestEpochs::append, bestEpochs::appendMissing);
            double loss = valueAt(history, LOSS, last);
            double validationLoss = valueAt(history, VALIDATION_LOSS, last);
            losses.append(loss);
            validationLosses.append(validationLoss);
            gaps.append(validationLoss - loss);
            for (int i = 0; i < metrics.size(); i++) {
                metricColumns.get(i).append(valueAt(history, metrics.get(i), last));
            }
        }
        Table table = Table.create("Run comparison", names, epochs, bestEpochs, ReadableNumbers.apply(losses),
                ReadableNumbers.apply(validationLosses), ReadableNumbers.apply(gaps));
        metricColumns.forEach(column -> table.addColumns(ReadableNumbers.apply(column)));
        return table;
    }

    private static Table checked(String name, Table history) {
        for (String column : List.of(EPOCH, LOSS)) {
            if (!history.containsColumn(column) || !(history.column(column) instanceof NumericColumn<?>)) {
                throw new IllegalArgumentException("Run '" + name + "' has no numeric '" + column + "' column; its columns are "
                        + history.columnNames() + ". Pass the History that Trainer.fit returns.");
            }
        }
        return history;
    }

    /** Metric columns other than the loss, in the order they first appear across runs. */
    private static List<String> otherMetrics(Map<String, ? extends Table> runs) {
        Set<String> metrics = new LinkedHashSet<>();
        for (Table history : runs.values()) {
            for (String column : history.columnNames()) {
                if (!NOT_METRICS.contains(column) && history.column(column) instanceof NumericColumn<?>) {
                    metrics.add(column);
                }
            }
        }
        return new ArrayList<>(metrics);
    }

    private static OptionalInt bestEpoch(Table history) {
        if (!history.containsColumn(VALIDATION_LOSS)) {
            return OptionalInt.empty();
        }
        NumericColumn<?> values = numbers(history, VALIDATION_LOSS);
        int best = -1;
        for (int row = 0; row < history.rowCount(); row++) {
            if (!values.isMissing(row) && (best < 0 || values.getDouble(row) < values.getDouble(best))) {
                best = row;
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of((int) numbers(history, EPOCH).getDouble(best));
    }

    private static double valueAt(Table history, String column, int row) {
        if (row < 0 || !history.containsColumn(column)) {
            return Double.NaN;
        }
        NumericColumn<?> values = numbers(history, column);
        return values.isMissing(row) ? Double.NaN : values.getDouble(row);
    }

    private static NumericColumn<?> numbers(Table history, String column) {
        return (NumericColumn<?>) history.column(column);
    }
}
