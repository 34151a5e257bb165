package io.github.nbworkbench.imbalance;

import io.github.nbworkbench.eval.ClassificationReport;
import io.github.nbworkbench.eval.PrecisionRecallCurve;
import io.github.nbworkbench.eval.Predictions;
import io.github.nbworkbench.tables.ReadableNumbers;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Per-class decision thresholds on predicted probabilities, in place of plain argmax: a rare class
 * whose probability rarely wins the argmax can still be predicted when it passes its own, lower
 * threshold. Choose thresholds on validation data, then judge them on other data:
 *
 * <pre>{@code
 * ClassThresholds thresholds = ClassThresholds.bestF1(Predictions.of(net, validation), "Shirt", "Coat");
 * thresholds.report(Predictions.of(net, test)).table();   // the usual ClassificationReport
 * }</pre>
 *
 * <p>The rule, for each example:
 * <ol>
 * <li>the classes that have a threshold and whose probability is at or above it are candidates;
 *     among several, the one with the highest ratio probability / threshold wins;</li>
 * <li>with no candidate, the most probable of the classes without a threshold wins;</li>
 * <li>when every class has a threshold and none is reached, the highest ratio wins.</li>
 * </ol>
 * Ties go to the lowest class index. So a class with a threshold is predicted exactly when its
 * probability reaches the threshold, unless another class reaches its own more clearly: with a
 * threshold on one class only, that class's precision and recall are those of its
 * {@link PrecisionRecallCurve} at that threshold.
 */
public final class ClassThresholds {

    private final List<String> classNames;
    /** NaN for a class without a threshold. */
    private final double[] thresholds;

    private ClassThresholds(List<String> classNames, double[] thresholds) {
        this.classNames = List.copyOf(classNames);
        this.thresholds = thresholds;
    }

    /** No thresholds: every example gets its argmax class until thresholds are added with {@link #with}. */
    public static ClassThresholds none(List<String> classNames) {
        double[] thresholds = new double[classNames.size()];
        Arrays.fill(thresholds, Double.NaN);
        return new ClassThresholds(classNames, thresholds);
    }

    /**
     * For each named class (every class when none are named), the threshold that maximises its
     * one-vs-rest F1 on {@code validation} ({@link PrecisionRecallCurve#bestF1()}).
     */
    public static ClassThresholds bestF1(Predictions validation, String... classNames) {
        ClassThresholds thresholds = none(validation.classNames());
        for (PrecisionRecallCurve curve : PrecisionRecallCurve.forClasses(validation, classNames)) {
            thresholds = thresholds.with(curve.className(), curve.bestF1().threshold());
        }
        return thresholds;
    }

    /**
     * For each named class, the highest threshold that reaches {@code targetRecall} on
     * {@code validation} ({@link PrecisionRecallCurve#atRecall(double)}).
     */
    public static ClassThresholds atRecall(Predictions validation, double targetRecall, String... classNames) {
        ClassThresholds thresholds = none(validation.classNames());
        for (PrecisionRecallCurve curve : PrecisionRecallCurve.forClasses(validation, classNames)) {
            thresholds = thresholds.with(curve.className(), curve.atRecall(targetRecall).threshold());
        }
        return thresholds;
    }

    /**
     * These thresholds with the one of {@code className} set (replaced if it had one).
     *
     * @throws IllegalArgumentException for an unknown class or a threshold outside (0, 1]
     */
    public ClassThresholds with(String className, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("The threshold of class '" + className + "' must be in (0, 1], got " + threshold
                    + "; it is compared with a predicted probability.");
        }
        double[] changed = thresholds.clone();
        changed[indexOf(className)] = threshold;
        return new ClassThresholds(classNames, changed);
    }

    public List<String> classNames() {
        return classNames;
    }

    /** The threshold of {@code className}, or NaN when it has none. */
    public double threshold(String className) {
        return thresholds[indexOf(className)];
    }

    /**
     * The predicted class of each example by the rule in the class comment.
     *
     * @param probabilities predicted probabilities {@code [N, classes]}
     */
    public int[] predict(INDArray probabilities) {
        if (probabilities.rank() != 2 || probabilities.size(1) != thresholds.length) {
            throw new IllegalArgumentException("Expected probabilities [examples, " + thresholds.length + "] for the classes "
                    + classNames + ", got " + Arrays.toString(probabilities.shape()));
        }
        double[][] rows = probabilities.toDoubleMatrix();
        int[] predicted = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            predicted[i] = decide(rows[i]);
        }
        return predicted;
    }

    /** The predicted class of each example of {@code predictions}. */
    public int[] predict(Predictions predictions) {
        checkClasses(predictions);
        return predict(predictions.probabilities());
    }

    /** The classification report of the predictions with these thresholds applied. */
    public ClassificationReport report(Predictions predictions) {
        return ClassificationReport.of(predictions.actual(), predict(predictions), classNames);
    }

    /** One row per class: class, threshold (missing where the class has none), printed with the fixed decimals of {@link #toString()}. */
    public Table table() {
        DoubleColumn threshold = DoubleColumn.create("threshold", thresholds.length);
        for (int c = 0; c < thresholds.length; c++) {
            if (Double.isNaN(thresholds[c])) {
                threshold.setMissing(c);
            } else {
                threshold.set(c, thresholds[c]);
            }
        }
        return Table.create("Decision thresholds", StringColumn.create("class", classNames), ReadableNumbers.applyToFractions(threshold));
    }

    private int decide(double[] probabilities) {
        int passing = -1;
        int closest = -1;
        int unthresholded = -1;
        for (int c = 0; c < probabilities.length; c++) {
            if (Double.isNaN(thresholds[c])) {
                if (unthresholded < 0 || probabilities[c] > probabilities[unthresholded]) {
                    unthresholded = c;
                }
            } else {
                if (closest < 0 || ratio(probabilities, c) > ratio(probabilities, closest)) {
                    closest = c;
                }
                if (probabilities[c] >= thresholds[c] && (passing < 0 || ratio(probabilities, c) > ratio(probabilities, passing))) {
                    passing = c;
                }
            }
        }
        if (passing >= 0) {
            return passing;
        }
        return unthresholded >= 0 ? unthresholded : closest;
    }

    private double ratio(double[] probabilities, int c) {
        return probabilities[c] / thresholds[c];
    }

    private void checkClasses(Predictions predictions) {
        if (!predictions.classNames().equals(classNames)) {
            throw new IllegalArgumentException("The thresholds are for the classes " + classNames
                    + " but the predictions have " + predictions.classNames() + ".");
        }
    }

    private int indexOf(String className) {
        int c = classNames.indexOf(className);
        if (c < 0) {
            throw new IllegalArgumentException("No class '" + className + "'; the classes are " + classNames + ".");
        }
        return c;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ClassThresholds[");
        String separator = "";
        for (int c = 0; c < thresholds.length; c++) {
            if (!Double.isNaN(thresholds[c])) {
                text.append(separator).append(classNames.get(c)).append(String.format(Locale.ROOT, "=%.4f", thresholds[c]));
                separator = ", ";
            }
        }
        return text.append(']').toString();
    }
}
