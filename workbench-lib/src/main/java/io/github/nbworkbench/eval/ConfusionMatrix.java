package io.github.nbworkbench.eval;

import io.github.nbworkbench.tables.ReadableNumbers;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Counts of (true class, predicted class) pairs. Rows are true classes, columns predicted ones,
 * so the diagonal holds the correct predictions.
 */
public final class ConfusionMatrix {

    /** The name of the first column of {@link #table()}, which holds the true class names. */
    public static final String TRUE_CLASS_COLUMN = "true \\ predicted";

    private final int[][] counts;
    private final List<String> classNames;

    private ConfusionMatrix(int[][] counts, List<String> classNames) {
        this.counts = counts;
        this.classNames = classNames;
    }

    /**
     * Counts the pairs {@code (actual[i], predicted[i])}.
     *
     * @param classNames one name per class, in index order; its size is the number of classes
     * @throws IllegalArgumentException when the arrays differ in length or hold an index outside the classes
     */
    public static ConfusionMatrix of(int[] actual, int[] predicted, List<String> classNames) {
        Objects.requireNonNull(classNames,
                "classNames is null: pass one name per class, or use of(actual, predicted, numClasses)");
        int numClasses = classNames.size();
        List<String> names = ClassNames.checked(classNames, numClasses);
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("actual has " + actual.length + " entries but predicted has "
                    + predicted.length + "; pass one true and one predicted class per example.");
        }
        int[][] counts = new int[numClasses][numClasses];
        for (int i = 0; i < actual.length; i++) {
            counts[checkedIndex("actual", i, actual[i], numClasses)][checkedIndex("predicted", i, predicted[i], numClasses)]++;
        }
        return new ConfusionMatrix(counts, names);
    }

    /** As {@link #of(int[], int[], List)}, with the classes named "0", "1", ... */
    public static ConfusionMatrix of(int[] actual, int[] predicted, int numClasses) {
        return of(actual, predicted, ClassNames.numbered(numClasses));
    }

    /** The confusion matrix of a model's predictions. */
    public static ConfusionMatrix of(Predictions predictions) {
        return of(predictions.actual(), predictions.predicted(), predictions.classNames());
    }

    private static int checkedIndex(String array, int i, int classIndex, int numClasses) {
        if (classIndex < 0 || classIndex >= numClasses) {
            throw new IllegalArgumentException(array + "[" + i + "] = " + classIndex + ", but there are "
                    + numClasses + " classes (0.." + (numClasses - 1) + "); pass as many class names as classes.");
        }
        return classIndex;
    }

    /** How many examples of class {@code actual} were predicted as class {@code predicted}. */
    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** A copy of the counts, indexed [true class][predicted class]. */
    public int[][] counts() {
        return Arrays.stream(counts).map(int[]::clone).toArray(int[][]::new);
    }

    /**
     * Each row divided by its sum: entry [t][p] is the fraction of class t predicted as p, so the
     * diagonal is each class's recall. Rows of classes with no examples are all 0.
     */
    public double[][] normalizedByRow() {
        double[][] fractions = new double[counts.length][counts.length];
        for (int t = 0; t < counts.length; t++) {
            int support = actualCount(t);
            for (int p = 0; p < counts.length && support > 0; p++) {
                fractions[t][p] = (double) counts[t][p] / support;
            }
        }
        return fractions;
    }

    /** One name per class, in index order. */
    public List<String> classNames() {
        return classNames;
    }

    /** The number of classes. */
    public int numClasses() {
        return counts.length;
    }

    /** The number of examples counted. */
    public int total() {
        return Arrays.stream(counts).flatMapToInt(Arrays::stream).sum();
    }

    /** The number of examples whose true class is {@code c} (its support). */
    public int actualCount(int c) {
        return Arrays.stream(counts[c]).sum();
    }

    /** The number of examples predicted as class {@code c}. */
    public int predictedCount(int c) {
        return Arrays.stream(counts).mapToInt(row -> row[c]).sum();
    }

    /** The number of examples on the diagonal. */
    public int correct() {
        int correct = 0;
        for (int c = 0; c < counts.length; c++) {
            correct += counts[c][c];
        }
        return correct;
    }

    /**
     * The counts as a table: the first column ({@value #TRUE_CLASS_COLUMN}) names the true class of
     * each row, then one integer column per predicted class, named by the class names.
     */
    public Table table() {
        Table table = Table.create("Confusion matrix (rows: true class, columns: predicted class)",
                StringColumn.create(TRUE_CLASS_COLUMN, classNames));
        for (int p = 0; p < counts.length; p++) {
            int column = p;
            table.addColumns(IntColumn.create(classNames.get(p),
                    Arrays.stream(counts).mapToInt(row -> row[column]).toArray()));
        }
        return table;
    }

    /** As {@link #table()}, with each row divided by its sum (see {@link #normalizedByRow()}). */
    public Table normalizedTable() {
        double[][] fractions = normalizedByRow();
        Table table = Table.create("Confusion matrix, normalized by row (fraction of each true class)",
                StringColumn.create(TRUE_CLASS_COLUMN, classNames));
        for (int p = 0; p < counts.length; p++) {
            int column = p;
            table.addColumns(ReadableNumbers.applyToFractions(DoubleColumn.create(classNames.get(p),
                    Arrays.stream(fractions).mapToDouble(row -> row[column]).toArray())));
        }
        return table;
    }

    @Override
    public String toString() {
        return table().print();
    }
}
