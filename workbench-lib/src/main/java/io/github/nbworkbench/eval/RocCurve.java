package io.github.nbworkbench.eval;

import io.github.nbworkbench.tables.ReadableNumbers;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The one-vs-rest ROC curve of one class: the false-positive rate and the true-positive rate
 * (recall) when the class is predicted for every example whose score is at or above a threshold.
 * It starts at (0, 0) with the threshold +infinity, then takes every distinct score from the highest
 * down, as scikit-learn's {@code roc_curve} with {@code drop_intermediate=False}.
 *
 * <pre>{@code
 * RocCurve roc = RocCurve.of(predictions, "Shirt");
 * roc.auc();
 * roc.table();   // threshold, fpr, tpr
 * }</pre>
 */
public final class RocCurve {

    private final ThresholdCounts counts;
    private final double[] thresholds;
    private final double[] fpr;
    private final double[] tpr;

    private RocCurve(ThresholdCounts counts) {
        if (counts.negatives == 0) {
            throw new IllegalArgumentException("Every example belongs to class '" + counts.className
                    + "'; with no other examples its false-positive rate, and so its ROC curve, is undefined.");
        }
        this.counts = counts;
        int n = counts.size() + 1;
        thresholds = new double[n];
        fpr = new double[n];
        tpr = new double[n];
        thresholds[0] = Double.POSITIVE_INFINITY;
        for (int k = 1; k < n; k++) {
            thresholds[k] = counts.thresholds[k - 1];
            fpr[k] = (double) counts.falsePositives[k - 1] / counts.negatives;
            tpr[k] = (double) counts.truePositives[k - 1] / counts.positives;
        }
    }

    /**
     * The curve of a class from scores and membership.
     *
     * @throws IllegalArgumentException when the lengths differ, a score is NaN, or the examples are
     *                                  all positive or all negative
     */
    public static RocCurve of(double[] scores, boolean[] positive, String className) {
        return new RocCurve(ThresholdCounts.of(scores, positive, className));
    }

    /** The curve of class {@code c}: its predicted probability against the rest. */
    public static RocCurve of(Predictions predictions, int c) {
        return new RocCurve(ThresholdCounts.of(predictions, c));
    }

    /** The curve of the class named {@code className}. */
    public static RocCurve of(Predictions predictions, String className) {
        return of(predictions, ThresholdCounts.classIndex(predictions, className));
    }

    /** The curves of the named classes, or of every class when none are named. */
    public static List<RocCurve> forClasses(Predictions predictions, String... classNames) {
        List<String> names = classNames.length == 0 ? predictions.classNames() : List.of(classNames);
        return names.stream().map(name -> of(predictions, name)).collect(Collectors.toUnmodifiableList());
    }

    public String className() {
        return counts.className;
    }

    /** The thresholds: +infinity, then the distinct scores from the highest down. */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** The false-positive rates, from 0 up to 1. */
    public double[] fpr() {
        return fpr.clone();
    }

    /** The true-positive rates (recall), from 0 up to 1. */
    public double[] tpr() {
        return tpr.clone();
    }

    /**
     * The area under the curve, by the trapezoidal rule over its points (tied scores make a
     * diagonal step, counting half): the chance that a random example of the class scores higher
     * than a random other one.
     */
    public double auc() {
        double area = 0;
        for (int k = 1; k < fpr.length; k++) {
            area += (fpr[k] - fpr[k - 1]) * (tpr[k] + tpr[k - 1]) / 2;
        }
        return area;
    }

    /** The curve as a table: threshold, fpr, tpr, one row per point. */
    public Table table() {
        return Table.create(String.format(Locale.ROOT, "ROC curve of '%s' (AUC %.4f)", className(), auc()),
                DoubleColumn.create("threshold", thresholds),
                ReadableNumbers.applyToFractions(DoubleColumn.create("fpr", fpr)),
                ReadableNumbers.applyToFractions(DoubleColumn.create("tpr", tpr)));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RocCurve['%s', %d points, AUC %.4f]", className(), fpr.length, auc());
    }
}
