package io.github.nbworkbench.train;

import io.github.nbworkbench.files.AtomicFiles;
import io.github.nbworkbench.tables.ReadableNumbers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * What training recorded, one row per epoch. It is a Tablesaw {@link Table}, so it renders as a
 * table in the notebook and can be filtered, sorted, plotted and exported with Tablesaw's own API.
 *
 * <p>Columns, in this order: {@code epoch} (int, 1-based); then doubles {@code loss}, {@code val_loss}
 * (with validation data; the mean per example, or per unmasked time step when the labels are
 * sequences, which the table's name then says: see {@link #lossPerTimeStep()}), each metric and
 * its {@code val_} twin, {@code lr} (the learning rate at the end of the epoch), {@code seconds} (the epoch's wall time, validation included) and
 * {@code samples_per_s} (training examples per second of training time, validation excluded).
 * A value that could not be computed is missing (NaN). Values print with about four significant
 * digits ({@link ReadableNumbers}); the columns hold them exactly, and {@link #save} writes them in full.
 *
 * <p>After training the model holds the weights of {@link #modelEpoch()}: the last epoch, unless
 * {@link EarlyStopping#restoreBestWeights()} put back an earlier one.
 */
public final class History extends Table {

    public static final String EPOCH = "epoch";
    public static final String LOSS = "loss";
    /** Prefix of a validation column: {@code val_loss} is the validation twin of {@code loss}; see {@link #validation}. */
    public static final String VALIDATION_PREFIX = "val_";
    public static final String VALIDATION_LOSS = VALIDATION_PREFIX + LOSS;
    public static final String LEARNING_RATE = "lr";
    public static final String SECONDS = "seconds";
    public static final String SAMPLES_PER_SECOND = "samples_per_s";
    /** The columns that describe the run, not the model: not metrics, no validation twin. */
    public static final List<String> RUN_COLUMNS = List.of(LEARNING_RATE, SECONDS, SAMPLES_PER_SECOND);

    private static final String NAME = "History";
    private static final String PER_TIME_STEP = "(loss per time step)";

    private String stopReason;
    private Integer restoredEpoch;

    private History(List<Column<?>> columns) {
        super(NAME, columns);
        columns.stream().filter(DoubleColumn.class::isInstance).forEach(column -> ReadableNumbers.apply((DoubleColumn) column));
    }

    /** The name of the validation column of {@code metric}: {@code validation("accuracy")} is {@code "val_accuracy"}. */
    public static String validation(String metric) {
        return VALIDATION_PREFIX + metric;
    }

    /** True for a validation column such as {@code val_loss}. */
    public static boolean isValidation(String column) {
        return column.startsWith(VALIDATION_PREFIX);
    }

    /** The metric a column holds, training or validation: {@code "accuracy"} for both accuracy and val_accuracy. */
    public static String metricOf(String column) {
        return isValidation(column) ? column.substring(VALIDATION_PREFIX.length()) : column;
    }

    /** An empty history for a run with these metrics ({@code accuracy}, ...) and, when {@code withValidation}, the val_ columns. */
    public static History of(List<String> metrics, boolean withValidation) {
        return of(metrics, withValidation ? metrics : null);
    }

    /**
     * An empty history with the loss, {@code trainingMetrics}, and the {@code val_} columns of the
     * loss and {@code validationMetrics} (none of them when {@code validationMetrics} is null).
     * Training and validation twins sit side by side.
     */
    public static History of(List<String> trainingMetrics, List<String> validationMetrics) {
        List<Column<?>> columns = new ArrayList<>();
        columns.add(IntColumn.create(EPOCH));
        boolean withValidation = validationMetrics != null;
        List<String> names = new ArrayList<>();
        names.add(LOSS);
        names.addAll(trainingMetrics);
        if (withValidation) {
            validationMetrics.stream().filter(name -> !names.contains(name)).forEach(names::add);
        }
        for (String name : names) {
            if (name.equals(LOSS) || trainingMetrics.contains(name)) {
                columns.add(DoubleColumn.create(name));
            }
            if (withValidation && (name.equals(LOSS) || validationMetrics.contains(name))) {
                columns.add(DoubleColumn.create(validation(name)));
            }
        }
        RUN_COLUMNS.forEach(name -> columns.add(DoubleColumn.create(name)));
        return new History(columns);
    }

    /** Reads a history saved by {@link #save} (or written by {@link CsvLogger}), a CSV file. */
    public static History load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return load(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read a training history from " + file, e);
        }
    }

    static History load(Reader reader, String source) {
        Table table;
        try {
            table = Table.read().csv(CsvReadOptions.builder(reader)
                    .columnTypes(name -> name.equals(EPOCH) ? ColumnType.INTEGER : ColumnType.DOUBLE)
                    .build());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Cannot read a training history from " + source + ": " + e.getMessage(), e);
        }
        if (!table.containsColumn(EPOCH) || !table.containsColumn(LOSS)) {
            throw new IllegalArgumentException(source + " is not a training history: it needs the columns epoch and loss, it has "
                    + table.columnNames());
        }
        return new History(table.columns());
    }

    /** Saves the history as a CSV file with a header row, atomically; missing values are empty cells. */
    public void save(Path file) {
        try {
            AtomicFiles.write(file, this::save);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the history to " + file, e);
        }
    }

    void save(OutputStream out) throws IOException {
        OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write().csv(writer);
        writer.flush();
    }

    /** Adds one epoch's row; {@code values} are by column name, absent ones are recorded as missing. */
    public void append(int epoch, Map<String, Double> values) {
        intColumn(EPOCH).append(epoch);
        for (String name : columnNames()) {
            if (!name.equals(EPOCH)) {
                Double value = values.get(name);
                doubleColumn(name).append(value == null ? Double.NaN : value);
            }
        }
    }

    /**
     * Names the table "History (loss per time step)": the run's labels are sequences, and
     * {@code loss} and {@code val_loss} are the mean per unmasked time step (token), not DL4J's
     * score, which sums a sequence's time steps; so they share units with per-token metrics such as bpc.
     */
    void describeLossPerTimeStep() {
        setName(NAME + " " + PER_TIME_STEP);
    }

    /** True when {@code loss} and {@code val_loss} are per time step (see {@link #describeLossPerTimeStep}). */
    public boolean lossPerTimeStep() {
        return name().endsWith(PER_TIME_STEP);
    }

    /** The names of the quantities each epoch reports: loss, val_loss, the metrics and their val_ twins (not lr, seconds, samples_per_s). */
    public List<String> metricNames() {
        return columnNames().stream().filter(name -> !name.equals(EPOCH) && !RUN_COLUMNS.contains(name)).toList();
    }

    /** The number of the last recorded epoch, or 0 when none is. */
    public int lastEpoch() {
        return rowCount() == 0 ? 0 : intColumn(EPOCH).getInt(rowCount() - 1);
    }

    /** The epoch whose {@code monitor} value is best under {@code mode}; the first such epoch on ties, missing values skipped. */
    public int bestEpoch(String monitor, Mode mode) {
        requireColumn(monitor);
        Mode resolved = mode.resolve(monitor);
        DoubleColumn values = doubleColumn(monitor);
        int best = -1;
        for (int row = 0; row < rowCount(); row++) {
            if (resolved.improves(values.getDouble(row), best < 0 ? Double.NaN : values.getDouble(best), 0)) {
                best = row;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("No epoch has a value for '" + monitor + "'");
        }
        return intColumn(EPOCH).getInt(best);
    }

    /** The value of {@code column} at {@code epoch}. */
    public double value(String column, int epoch) {
        requireColumn(column);
        return doubleColumn(column).getDouble(rowOf(epoch));
    }

    /** All values of {@code epoch}, by column name. */
    public EpochValues epochValues(int epoch) {
        int row = rowOf(epoch);
        Map<String, Double> values = new LinkedHashMap<>();
        for (String name : columnNames()) {
            if (!name.equals(EPOCH)) {
                values.put(name, doubleColumn(name).getDouble(row));
            }
        }
        return new EpochValues(epoch, values);
    }

    /** Why training stopped before its last epoch (early stopping, NaN loss, ...), if it did. */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    void setStopReason(String reason) {
        this.stopReason = reason;
    }

    /**
     * The epoch whose weights the model holds after training: the last one, or the best one when
     * {@link EarlyStopping#restoreBestWeights()} put those back; 0 when no epoch is recorded. A
     * history read from CSV does not know of a restore and says the last epoch.
     */
    public int modelEpoch() {
        return restoredEpoch != null ? restoredEpoch : lastEpoch();
    }

    /** The values of {@link #modelEpoch()}: those that describe the trained model. */
    public EpochValues modelEpochValues() {
        return epochValues(modelEpoch());
    }

    void setRestoredEpoch(int epoch) {
        rowOf(epoch);
        this.restoredEpoch = epoch;
    }

    private int rowOf(int epoch) {
        IntColumn epochs = intColumn(EPOCH);
        for (int row = 0; row < rowCount(); row++) {
            if (epochs.getInt(row) == epoch) {
                return row;
            }
        }
        throw new IllegalArgumentException("The history has no epoch " + epoch + "; it has epochs " + epochs.asList());
    }

    private void requireColumn(String column) {
        if (!containsColumn(column) || column.equals(EPOCH)) {
            throw new IllegalArgumentException("The history has no value column '" + column + "'; it has " + columnNames()
                    + (isValidation(column) ? " (val_ columns need .validation(...) on the Trainer)" : ""));
        }
    }
}
