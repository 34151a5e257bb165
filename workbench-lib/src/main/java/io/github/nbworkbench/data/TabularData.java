package io.github.nbworkbench.data;

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
 * A Tablesaw table as a {@link LabeledDataset}: one column is the label (picked by name or index),
 * the other numeric columns (or a chosen list) are the features.
 *
 * <pre>{@code
 * LabeledDataset iris = TabularData.load(Path.of("iris.csv")).label("species").classification();
 * LabeledDataset prices = TabularData.load(csv).label("price").features("rooms", "area").regression();
 * // scikit-learn's iris.csv: a title line, no header, classes 0..2 in the last column
 * LabeledDataset sk = TabularData.load(file).label(-1).classNames("setosa", "versicolor", "virginica").classification();
 * }</pre>
 */
public final class TabularData {

    private final Table table;
    private final String source;
    private final CsvLayout layout;
    private String labelColumn;
    private List<String> featureColumns;
    private List<String> classNames;

    private TabularData(Table table, String source, CsvLayout layout) {
        this.table = table;
        this.source = source;
        this.layout = layout;
    }

    /**
     * Loads a CSV file, gzipped or not, detecting its layout from the first lines: the delimiter
     * ({@code , tab ; | space}), title lines to skip before the table, and whether the first row is a
     * header (it is when it has text where the data has numbers; without a header the columns are named
     * C0, C1, ...). Tablesaw guesses each column's type. {@link #toString()} tells what was detected;
     * {@link #csv(Path)} sets any of it by hand.
     *
     * @throws DataNotFoundException naming the path when the file is missing
     */
    public static TabularData load(Path csv) {
        return csv(csv).load();
    }

    /** A CSV file to load with options: {@code TabularData.csv(path).delimiter(';').header(false).load()}. */
    public static CsvOptions csv(Path csv) {
        return new CsvOptions(csv);
    }

    /** Uses a table already in memory. */
    public static TabularData of(Table table) {
        return new TabularData(table, null, null);
    }

    static TabularData of(Table table, String source, CsvLayout layout) {
        return new TabularData(table, source, layout);
    }

    /** The column to predict. */
    public TabularData label(String column) {
        requireColumn(column, "label");
        this.labelColumn = column;
        return this;
    }

    /** The column to predict, by its 0-based position; negative counts from the end ({@code -1} is the last column). */
    public TabularData label(int columnIndex) {
        int columns = table.columnCount();
        int index = columnIndex < 0 ? columns + columnIndex : columnIndex;
        if (index < 0 || index >= columns) {
            throw new IllegalArgumentException("no label column at index " + columnIndex + ": the table has " + columns
                    + " columns, 0.." + (columns - 1) + " (or -1.." + -columns + " from the end): " + describeColumns());
        }
        return label(table.column(index).name());
    }

    /** The feature columns, all numeric; by default every numeric column except the label. */
    public TabularData features(String... columns) {
        for (String column : columns) {
            requireColumn(column, "feature");
            if (!(table.column(column) instanceof NumericColumn)) {
                throw new IllegalArgumentException(notNumeric(table.column(column), "feature column"));
            }
        }
        this.featureColumns = List.of(columns);
        return this;
    }

    /**
     * The class names, for a label column of class numbers 0, 1, 2, ... (name {@code i} is class
     * {@code i}), or for text labels in the order wanted (every label must be among them).
     */
    public TabularData classNames(String... names) {
        return classNames(Arrays.asList(names));
    }

    /** {@link #classNames(String...)} from a list, e.g. {@code FashionMnist.CLASS_NAMES}. */
    public TabularData classNames(List<String> names) {
        if (names.size() < 2 || names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("give 2 or more distinct class names, got " + names);
        }
        this.classNames = List.copyOf(names);
        return this;
    }

    /**
     * Classification: with {@link #classNames} those are the classes; otherwise the label column's
     * distinct values, sorted (numerically for a numeric column). Labels are one-hot.
     */
    public LabeledDataset classification() {
        Column<?> label = table.column(requireLabel());
        requireNoMissing(label);
        List<String> names = classNames != null ? classNames : distinctSorted(label);
        Map<String, Integer> classes = new TreeMap<>();
        for (int c = 0; c < names.size(); c++) {
            classes.put(classNames != null && label instanceof NumericColumn ? Integer.toString(c) : names.get(c), c);
        }
        int[] classIndices = new int[table.rowCount()];
        for (int row = 0; row < classIndices.length; row++) {
            Integer c = classes.get(className(label, row));
            if (c == null) {
                throw new IllegalArgumentException("label column '" + label.name() + "' holds '" + className(label, row) + "' in "
                        + where(row) + ", which is not " + (label instanceof NumericColumn
                        ? "a class number 0.." + (names.size() - 1) + " for the " + names.size() + " class names " + names
                        : "among the class names " + names) + "; fix the value or the class names");
            }
            classIndices[row] = c;
        }
        return LabeledDataset.classification(features(), classIndices, names);
    }

    /** Regression: the numeric label column becomes targets {@code [N, 1]}. */
    public LabeledDataset regression() {
        Column<?> label = table.column(requireLabel());
        if (!(label instanceof NumericColumn)) {
            throw new IllegalArgumentException("regression needs a numeric label column; " + notNumeric(label, "label column")
                    + " For classes use classification().");
        }
        return LabeledDataset.regression(features(), matrix(List.of(label.name())));
    }

    /** The table itself. */
    public Table table() {
        return table;
    }

    /** E.g. {@code TabularData[iris.csv: 150 rows; delimiter ',' (detected), ...; columns C0 (DOUBLE), ...]}. */
    @Override
    public String toString() {
        return "TabularData[" + (source == null ? "" : source + ": ") + table.rowCount() + " rows"
                + (layout == null ? "" : "; " + layout.describe()) + "; columns " + describeColumns() + "]";
    }

    private INDArray features() {
        List<String> columns = featureColumns != null ? featureColumns : defaultFeatures();
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

    /** Every numeric column but the label; a text column is left out unless it is mostly numbers, which is an error. */
    private List<String> defaultFeatures() {
        for (Column<?> column : table.columns()) {
            if (!(column instanceof NumericColumn) && !column.name().equals(labelColumn) && firstNonNumber(column) >= 0
                    && 2 * countNumbers(column) > column.size()) {
                throw new IllegalArgumentException(notNumeric(column, "column") + " (choose the feature columns with features(...))");
            }
        }
        return numericColumns().stream().filter(name -> !name.equals(labelColumn)).toList();
    }

    private INDArray matrix(List<String> columns) {
        INDArray matrix = Nd4j.create(DataType.FLOAT, table.rowCount(), columns.size());
        for (int c = 0; c < columns.size(); c++) {
            NumericColumn<?> column = (NumericColumn<?>) table.column(columns.get(c));
            requireNoMissing(column);
            for (int row = 0; row < table.rowCount(); row++) {
                double value = column.getDouble(row);
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("column '" + column.name() + "' holds " + value + " in " + where(row)
                            + "; features and targets must be finite numbers: fix or drop that row");
                }
                matrix.putScalar(row, c, value);
            }
        }
        return matrix;
    }

    private String notNumeric(Column<?> column, String role) {
        int row = firstNonNumber(column);
        String value = row < 0 ? "" : " (" + where(row) + " holds '" + column.getString(row) + "', not a number)";
        return role + " '" + column.name() + "' is of type " + column.type() + value + "; features must be numeric. Numeric columns: "
                + numericColumns() + ". Fix the value, encode '" + column.name() + "' as numbers, or leave it out.";
    }

    private static int firstNonNumber(Column<?> column) {
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row) && !CsvSniffer.isNumber(column.getString(row))) {
                return row;
            }
        }
        return -1;
    }

    private static long countNumbers(Column<?> column) {
        long numbers = 0;
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row) && CsvSniffer.isNumber(column.getString(row))) {
                numbers++;
            }
        }
        return numbers;
    }

    /** "row 17 (line 19 of iris.csv)" for a table read from a file, else "row 17"; rows count from 0. */
    private String where(int row) {
        return "row " + row + (layout == null ? "" : " (line " + (layout.firstDataLine() + row) + " of " + source + ")");
    }

    private static List<String> distinctSorted(Column<?> label) {
        Map<String, Boolean> classes = new TreeMap<>(classOrder(label));
        for (int row = 0; row < label.size(); row++) {
            classes.put(className(label, row), true);
        }
        return new ArrayList<>(classes.keySet());
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
            int first = 0;
            while (!column.isMissing(first)) {
                first++;
            }
            throw new IllegalArgumentException("column '" + column.name() + "' has " + column.countMissing()
                    + " missing values, the first in " + where(first)
                    + "; drop or fill them first (e.g. table.dropRowsWithMissingValues())");
        }
    }

    private String requireLabel() {
        if (labelColumn == null) {
            throw new IllegalStateException("choose the label column first: .label(\"name\") or .label(index); columns: "
                    + describeColumns());
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
