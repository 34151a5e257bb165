package io.github.nbworkbench.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as a {@link LabeledDataset}: one column is the label (picked by name), the other
 * numeric columns (or a chosen list) are the features.
 *
 * <pre>{@code
 * LabeledDataset iris = TabularData.readCsv(Path.of("iris.csv")).label("species").classification();
 * LabeledDataset prices = TabularData.readCsv(csv).label("price").features("rooms", "area").regression();
 * }</pre>
 */
public final class TabularData {

    private final Table table;
    private String labelColumn;
    private List<String> featureColumns;

    private TabularData(Table table) {
        this.table = table;
    }

    /** Reads a CSV file with a header row; Tablesaw guesses each column's type. */
    public static TabularData readCsv(Path csv) {
        if (!Files.isRegularFile(csv)) {
            throw new DataNotFoundException("CSV file " + csv.toAbsolutePath() + " not found");
        }
        return new TabularData(Table.read().csv(csv.toFile()));
    }

    /** Uses a table already in memory. */
    public static TabularData of(Table table) {
        return new TabularData(table);
    }

    /** The column to predict. */
    public TabularData label(String column) {
        requireColumn(column, "label");
        this.labelColumn = column;
        return this;
    }

    /** The feature columns, all numeric; by default every numeric column except the label. */
    public TabularData features(String... columns) {
        for (String column : columns) {
            requireColumn(column, "feature");
            if (!(table.column(column) instanceof NumericColumn)) {
                throw new IllegalArgumentException("feature column '" + column + "' is of type " + table.column(column).type()
                        + "; features must be numeric. Numeric columns: " + numericColumns()
                        + ". Encode '" + column + "' as numbers first, or leave it out.");
            }
        }
        this.featureColumns = List.of(columns);
        return this;
    }

    /**
     * Classification: the label column's distinct values, sorted (numerically for a numeric column),
     * are the classes; labels are one-hot.
     */
    public LabeledDataset classification() {
        Column<?> label = table.column(requireLabel());
        requireNoMissing(label);
        Map<String, Integer> classes = new TreeMap<>(classOrder(label));
        for (int row = 0; row < table.rowCount(); row++) {
            classes.put(className(label, row), 0);
        }
        List<String> names = new ArrayList<>(classes.keySet());
        for (int c = 0; c < names.size(); c++) {
            classes.put(names.get(c), c);
        }
        int[] classIndices = new int[table.rowCount()];
        Arrays.setAll(classIndices, row -> classes.get(className(label, row)));
        return LabeledDataset.classification(features(), classIndices, names);
    }

    /** Regression: the numeric label column becomes targets {@code [N, 1]}. */
    public LabeledDataset regression() {
        Column<?> label = table.column(requireLabel());
        if (!(label instanceof NumericColumn)) {
            throw new IllegalArgumentException("regression needs a numeric label column; '" + label.name() + "' is of type "
                    + label.type() + ". For classes use classification().");
        }
        return LabeledDataset.regression(features(), matrix(List.of(label.name())));
    }

    /** The table itself. */
    public Table table() {
        return table;
    }

    private INDArray features() {
        List<String> columns = featureColumns != null ? featureColumns
                : numericColumns().stream().filter(name -> !name.equals(labelColumn)).toList();
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no numeric feature columns besides the label '" + labelColumn + "'; columns: "
                    + describeColumns());
        }
        if (columns.contains(labelColumn)) {
            throw new IllegalArgumentException("the label column '" + labelColumn + "' is also among the features " + columns
                    + ": the model would read the answer from its input; leave it out of features(...)");
        }
        return matrix(columns);
    }

    private INDArray matrix(List<String> columns) {
        INDArray matrix = Nd4j.create(DataType.FLOAT, table.rowCount(), columns.size());
        for (int c = 0; c < columns.size(); c++) {
            NumericColumn<?> column = (NumericColumn<?>) table.column(columns.get(c));
            requireNoMissing(column);
            for (int row = 0; row < table.rowCount(); row++) {
                matrix.putScalar(row, c, column.getDouble(row));
            }
        }
        return matrix;
    }

    private static Comparator<String> classOrder(Column<?> label) {
        return label instanceof NumericColumn ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
    }

    private static String className(Column<?> label, int row) {
        if (label instanceof NumericColumn<?> numeric) {
            double value = numeric.getDouble(row);
            if (value != Math.rint(value)) {
                throw new IllegalArgumentException("label column '" + label.name() + "' holds " + value + " in row " + row
                        + ": class labels must be whole numbers or text; for a continuous target use regression()");
            }
            return Long.toString((long) value);
        }
        return label.getString(row);
    }

    private void requireNoMissing(Column<?> column) {
        if (column.countMissing() > 0) {
            throw new IllegalArgumentException("column '" + column.name() + "' has " + column.countMissing()
                    + " missing values; drop or fill them first (e.g. table.dropRowsWithMissingValues())");
        }
    }

    private String requireLabel() {
        if (labelColumn == null) {
            throw new IllegalStateException("choose the label column first: .label(\"name\"); columns: " + describeColumns());
        }
        return labelColumn;
    }

    private void requireColumn(String column, String role) {
        if (!table.columnNames().contains(column)) {
            throw new IllegalArgumentException("no " + role + " column '" + column + "'; the table has: " + describeColumns());
        }
    }

    private List<String> numericColumns() {
        return table.columns().stream().filter(NumericColumn.class::isInstance).map(Column::name).toList();
    }

    private String describeColumns() {
        return String.join(", ", table.columns().stream().map(c -> c.name() + " (" + c.type() + ")").toList());
    }
}
