package io.github.nbworkbench.imbalance;

import io.github.nbworkbench.data.LabeledDataset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * How many examples each class has: the first thing to look at before training a classifier.
 *
 * <pre>{@code
 * ClassDistribution distribution = ClassDistribution.of(train);
 * distribution.table();                       // class, count, share
 * ClassDistributionPlot.chart(distribution);    // a bar chart (plot package)
 * distribution.imbalanceRatio();              // largest count / smallest count
 * }</pre>
 */
public final class ClassDistribution {

    private final List<String> classNames;
    private final int[] counts;

    private ClassDistribution(List<String> classNames, int[] counts) {
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("No classes: a class distribution needs at least one class name.");
        }
        if (new HashSet<>(classNames).size() != classNames.size()) {
            throw new IllegalArgumentException("Class names must be unique, got " + classNames);
        }
        this.classNames = List.copyOf(classNames);
        this.counts = counts;
    }

    /** The distribution of a classification dataset's labels. */
    public static ClassDistribution of(LabeledDataset data) {
        if (!data.isClassification()) {
            throw new IllegalArgumentException("This is a regression dataset (" + data + "): it has targets, not classes.");
        }
        return new ClassDistribution(data.classNames(), data.classCounts());
    }

    /**
     * The distribution of class indices.
     *
     * @param classIndices the class of each example, 0-based, indexing {@code classNames}
     */
    public static ClassDistribution of(int[] classIndices, List<String> classNames) {
        int[] counts = new int[classNames.size()];
        for (int c : classIndices) {
            if (c < 0 || c >= counts.length) {
                throw new IllegalArgumentException("class index " + c + " is outside 0.." + (counts.length - 1)
                        + " (classes " + classNames + ")");
            }
            counts[c]++;
        }
        return new ClassDistribution(classNames, counts);
    }

    /** The distribution of one-hot labels {@code [N, classes]}, e.g. a DL4J {@code DataSet}'s. */
    public static ClassDistribution of(INDArray oneHotLabels, List<String> classNames) {
        if (oneHotLabels.rank() != 2 || oneHotLabels.size(1) != classNames.size()) {
            throw new IllegalArgumentException("Expected one-hot labels [examples, " + classNames.size() + "] for the classes "
                    + classNames + ", got " + Arrays.toString(oneHotLabels.shape()));
        }
        return of(oneHotLabels.argMax(1).toIntVector(), classNames);
    }

    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return classNames.size();
    }

    /** The number of examples of each class, in class order. */
    public int[] counts() {
        return counts.clone();
    }

    /** The number of examples of class {@code c}. */
    public int count(int c) {
        return counts[c];
    }

    /** The number of examples of the class named {@code className}. */
    public int count(String className) {
        return counts[indexOf(className)];
    }

    /** The index of the class named {@code className}. */
    public int indexOf(String className) {
        int c = classNames.indexOf(className);
        if (c < 0) {
            throw new IllegalArgumentException("No class '" + className + "'; the classes are " + classNames + ".");
        }
        return c;
    }

    /** The number of examples. */
    public int total() {
        return Arrays.stream(counts).sum();
    }

    /** Each class's fraction of the examples, summing to 1 (all 0 when there are no examples). */
    public double[] shares() {
        int total = total();
        return Arrays.stream(counts).mapToDouble(count -> total == 0 ? 0 : (double) count / total).toArray();
    }

    /** The largest class count divided by the smallest: 1 when balanced, infinite when a class has no examples. */
    public double imbalanceRatio() {
        int smallest = Arrays.stream(counts).min().orElseThrow();
        int largest = Arrays.stream(counts).max().orElseThrow();
        return smallest == 0 ? Double.POSITIVE_INFINITY : (double) largest / smallest;
    }

    /** One row per class, in class order: class, count, share (the share printed as a percentage). */
    public Table table() {
        DoubleColumn share = DoubleColumn.create("share", shares());
        share.setPrintFormatter(NumberColumnFormatter.percent(1));
        return Table.create(String.format(Locale.ROOT, "Class distribution (%d examples, imbalance ratio %.1f)",
                        total(), imbalanceRatio()),
                StringColumn.create("class", classNames), IntColumn.create("count", counts), share);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ClassDistribution[");
        for (int c = 0; c < counts.length; c++) {
            text.append(c == 0 ? "" : ", ").append(classNames.get(c)).append('=').append(counts[c]);
        }
        return text.append(']').toString();
    }
}
