package io.github.nbworkbench.eval;

import io.github.nbworkbench.tables.ReadableNumbers;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The one-vs-rest precision-recall curve of one class: precision, recall and F1 when the class is
 * predicted for every example whose score (predicted probability) is at or above a threshold, for
 * every distinct score as the threshold, from the highest down, as scikit-learn's
 * {@code precision_recall_curve} (without its extra end point at recall 0).
 *
 * <pre>{@code
 * Predictions validation = Predictions.of(net, validationData);
 * PrecisionRecallCurve shirts = PrecisionRecallCurve.of(validation, "Shirt");
 * shirts.table();              // threshold, precision, recall, f1
 * shirts.averagePrecision();
 * shirts.bestF1().threshold(); // or shirts.atRecall(0.8)
 * }</pre>
 */
public final class PrecisionRecallCurve {

    private final ThresholdCounts counts;
    private final double[] precision;
    private final double[] recall;
    private final double[] f1;

    private PrecisionRecallCurve(ThresholdCounts counts) {
        this.counts = counts;
        int n = counts.size();
        precision = new double[n];
        recall = new double[n];
        f1 = new double[n];
        for (int k = 0; k < n; k++) {
            int tp = counts.truePositives[k];
            precision[k] = (double) tp / (tp + counts.falsePositives[k]);
            recall[k] = (double) tp / counts.positives;
            f1[k] = tp == 0 ? 0 : 2 * precision[k] * recall[k] / (precision[k] + recall[k]);
        }
    }

    /**
     * The curve of a class from scores and membership.
     *
     * @param scores    each example's score for the class (higher: more likely the class)
     * @param positive  whether each example belongs to the class
     * @throws IllegalArgumentException when the lengths differ, a score is NaN, or no example is positive
     */
    public static PrecisionRecallCurve of(double[] scores, boolean[] positive, String className) {
        return new PrecisionRecallCurve(ThresholdCounts.of(scores, positive, className));
    }

    /** The curve of class {@code c}: its predicted probability against the rest. */
    public static PrecisionRecallCurve of(Predictions predictions, int c) {
        return new PrecisionRecallCurve(ThresholdCounts.of(predictions, c));
    }

    /** The curve of the class named {@code className}. */
    public static PrecisionRecallCurve of(Predictions predictions, String className) {
        return of(predictions, ThresholdCounts.classIndex(predictions, className));
    }

    /** The curves of the named classes, or of every class when none are named. */
    public static List<PrecisionRecallCurve> forClasses(Predictions predictions, String... classNames) {
        List<String> names = classNames.length == 0 ? predictions.classNames() : List.of(classNames);
        return names.stream().map(name -> of(predictions, name)).collect(Collectors.toUnmodifiableList());
    }

    public String className() {
        return counts.className;
    }

    /** The thresholds, the distinct scores from the highest down. */
    public double[] thresholds() {
        return counts.thresholds.clone();
    }

    public double[] precision() {
        return precision.clone();
    }

    public double[] recall() {
        return recall.clone();
    }

    public double[] f1() {
        return f1.clone();
    }

    /**
     * The area under the step curve, as scikit-learn's {@code average_precision_score}: the sum of
     * precision at each threshold times the recall gained there. No interpolation; 1 for a perfect
     * ranking, about the class's share of the examples for a random one.
     */
    public double averagePrecision() {
        double sum = 0;
        double previousRecall = 0;
        for (int k = 0; k < recall.length; k++) {
            sum += (recall[k] - previousRecall) * precision[k];
            previousRecall = recall[k];
        }
        return sum;
    }

    /** The threshold with the highest F1 (the highest such threshold on a tie). */
    public OperatingPoint bestF1() {
        int best = 0;
        for (int k = 1; k < f1.length; k++) {
            if (f1[k] > f1[best]) {
                best = k;
            }
        }
        return point(best);
    }

    /**
     * The highest threshold whose recall reaches {@code targetRecall}: the most precise way to find
     * that share of the class.
     *
     * @throws IllegalArgumentException unless 0 < targetRecall <= 1
     */
    public OperatingPoint atRecall(double targetRecall) {
        if (!(targetRecall > 0 && targetRecall <= 1)) {
            throw new IllegalArgumentException("target recall must be in (0, 1], got " + targetRecall);
        }
        // the lowest threshold takes every example, so its recall is 1 and the search always ends
        int k = 0;
        while (recall[k] < targetRecall) {
            k++;
        }
        return point(k);
    }

    /** The curve as a table: threshold, precision, recall, f1, one row per threshold from the highest down. */
    public Table table() {
        return Table.create(String.format(Locale.ROOT, "Precision-recall curve of '%s' (average precision %.4f)",
                        className(), averagePrecision()),
                DoubleColumn.create("threshold", counts.thresholds),
                ReadableNumbers.applyToFractions(DoubleColumn.create("precision", precision)),
                ReadableNumbers.applyToFractions(DoubleColumn.create("recall", recall)),
                ReadableNumbers.applyToFractions(DoubleColumn.create("f1", f1)));
    }

    private OperatingPoint point(int k) {
        return new OperatingPoint(className(), counts.thresholds[k], precision[k], recall[k], f1[k]);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PrecisionRecallCurve['%s', %d thresholds, average precision %.4f]",
                className(), counts.size(), averagePrecision());
    }
}
