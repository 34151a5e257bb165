package io.github.nbworkbench.plot;

import io.github.nbworkbench.train.History;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Reads a training history table: an "epoch" column, and numeric metric columns where "x" and
 * "val_x" are the training and validation values of metric x.
 */
final class HistoryTable {

    /** Columns a history carries that are not metrics to compare between training and validation. */
    static final Set<String> NOT_METRICS = Stream.concat(Stream.of(History.EPOCH), History.RUN_COLUMNS.stream())
            .collect(Collectors.toUnmodifiableSet());

    /** The points of one curve, rows with a missing value left out. */
    record Curve(double[] x, double[] y) {
        int size() {
            return x.length;
        }

        /** {@code other} minus this curve, at the epochs both have. */
        Curve differenceTo(Curve other) {
            Map<Double, Double> mine = new HashMap<>();
            for (int i = 0; i < x.length; i++) {
                mine.put(x[i], y[i]);
            }
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < other.x.length; i++) {
                Double value = mine.get(other.x[i]);
                if (value != null) {
                    points.add(new double[] {other.x[i], other.y[i] - value});
                }
            }
            return new Curve(points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray());
        }
    }

    private final Table table;

    private HistoryTable(Table table) {
        this.table = table;
    }

    static HistoryTable of(Table table) {
        if (!table.containsColumn(History.EPOCH) || !(table.column(History.EPOCH) instanceof NumericColumn<?>)) {
            throw new IllegalArgumentException("Table '" + table.name() + "' has no numeric '" + History.EPOCH
                    + "' column; its columns are " + table.columnNames() + ". A training history needs an '" + History.EPOCH
                    + "' column and metric columns such as loss and val_loss.");
        }
        return new HistoryTable(table);
    }

    String name() {
        return table.name();
    }

    /** Metric names in column order, each once: "loss" for the columns loss and val_loss. */
    List<String> metrics() {
        Set<String> metrics = new LinkedHashSet<>();
        for (String column : table.columnNames()) {
            if (!NOT_METRICS.contains(column) && table.column(column) instanceof NumericColumn<?>) {
                metrics.add(History.metricOf(column));
            }
        }
        return new ArrayList<>(metrics);
    }

    Optional<Curve> training(String metric) {
        return curve(metric);
    }

    Optional<Curve> validation(String metric) {
        return curve(History.validation(metric));
    }

    /** Fails, naming the metrics there are, when the history has neither {@code metric} nor its validation column. */
    void requireMetric(String metric) {
        if (training(metric).isEmpty() && validation(metric).isEmpty()) {
            throw new IllegalArgumentException("History '" + table.name() + "' has no column '" + metric + "' or '"
                    + History.validation(metric) + "'; its metrics are " + metrics() + ".");
        }
    }

    private Optional<Curve> curve(String column) {
        if (!table.containsColumn(column) || !(table.column(column) instanceof NumericColumn<?> values)) {
            return Optional.empty();
        }
        NumericColumn<?> epochs = (NumericColumn<?>) table.column(History.EPOCH);
        List<double[]> points = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            if (!values.isMissing(row) && !epochs.isMissing(row)) {
                points.add(new double[] {epochs.getDouble(row), values.getDouble(row)});
            }
        }
        return Optional.of(new Curve(points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray()));
    }
}
