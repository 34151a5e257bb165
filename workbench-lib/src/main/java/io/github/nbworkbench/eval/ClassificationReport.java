package io.github.nbworkbench.eval;

import io.github.nbworkbench.tables.ReadableNumbers;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Per-class precision, recall, F1 and support, their macro and weighted averages, and accuracy,
 * as in scikit-learn's {@code classification_report}.
 *
 * <p>Undefined ratios count as 0, like scikit-learn's {@code zero_division=0}: the precision of a
 * class that was never predicted, the recall of a class with no examples, and the F1 of a class
 * whose precision and recall are both 0. The macro average is the plain mean over all classes
 * (classes without examples included); the weighted average weighs each class by its support.
 */
public final class ClassificationReport {

    /** Row label of the unweighted mean over classes in {@link #table()}. */
    public static final String MACRO_AVG = "macro avg";
    /** Row label of the support-weighted mean over classes in {@link #table()}. */
    public static final String WEIGHTED_AVG = "weighted avg";
    /** Row label of the accuracy row in {@link #table()}. */
    public static final String ACCURACY = "accuracy";

    private final ConfusionMatrix matrix;

    private ClassificationReport(ConfusionMatrix matrix) {
        this.matrix = matrix;
    }

    /** The report for the counts of a confusion matrix. */
    public static ClassificationReport of(ConfusionMatrix matrix) {
        return new ClassificationReport(matrix);
    }

    /** The report for true and predicted class indices; {@code classNames} fixes the number of classes. */
    public static ClassificationReport of(int[] actual, int[] predicted, List<String> classNames) {
        return of(ConfusionMatrix.of(actual, predicted, classNames));
    }

    /** The report for a model's predictions (see {@link Predictions#of} to run a model over a data set). */
    public static ClassificationReport of(Predictions predictions) {
        return of(ConfusionMatrix.of(predictions));
    }

    /**
     * The report for DL4J outputs.
     *
     * @param probabilities the model's outputs, shape [N, classes]
     * @param labels        one-hot labels, shape [N, classes]
     */
    public static ClassificationReport of(INDArray probabilities, INDArray labels, List<String> classNames) {
        return of(Predictions.of(probabilities, labels, classNames));
    }

    /** Of the examples predicted as class {@code c}, the fraction that are class {@code c}; 0 if none were. */
    public double precision(int c) {
        return ratio(matrix.count(c, c), matrix.predictedCount(c));
    }

    /** Of the examples of class {@code c}, the fraction predicted as {@code c}; 0 if there are none. */
    public double recall(int c) {
        return ratio(matrix.count(c, c), matrix.actualCount(c));
    }

    /** The harmonic mean of precision and recall of class {@code c}; 0 if both are 0. */
    public double f1(int c) {
        double precision = precision(c);
        double recall = recall(c);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** The number of examples of class {@code c}. */
    public int support(int c) {
        return matrix.actualCount(c);
    }

    /** The fraction of all examples predicted correctly; 0 when there are no examples. */
    public double accuracy() {
        return ratio(matrix.correct(), matrix.total());
    }

    /** The number of examples. */
    public int total() {
        return matrix.total();
    }

    /** The unweighted mean of the per-class precisions. */
    public double macroPrecision() {
        return macro(this::precision);
    }

    /** The unweighted mean of the per-class recalls. */
    public double macroRecall() {
        return macro(this::recall);
    }

    /** The unweighted mean of the per-class F1 scores. */
    public double macroF1() {
        return macro(this::f1);
    }

    /** The mean of the per-class precisions, weighted by support. */
    public double weightedPrecision() {
        return weighted(this::precision);
    }

    /** The mean of the per-class recalls, weighted by support (equal to the accuracy). */
    public double weightedRecall() {
        return weighted(this::recall);
    }

    /** The mean of the per-class F1 scores, weighted by support. */
    public double weightedF1() {
        return weighted(this::f1);
    }

    /** One name per class, in index order. */
    public List<String> classNames() {
        return matrix.classNames();
    }

    /** The confusion matrix the report was computed from. */
    public ConfusionMatrix confusionMatrix() {
        return matrix;
    }

    /**
     * The report as a table with columns class, precision, recall, f1, support: one row per class,
     * then {@value #MACRO_AVG} and {@value #WEIGHTED_AVG} (support: all examples), then
     * {@value #ACCURACY}, whose f1 cell holds the accuracy, precision and recall are missing, and
     * support is the number of examples (scikit-learn prints it the same way). The table's name also
     * states the accuracy.
     */
    public Table table() {
        int n = matrix.numClasses();
        StringColumn names = StringColumn.create("class", classNames());
        DoubleColumn precision = DoubleColumn.create("precision", perClass(this::precision));
        DoubleColumn recall = DoubleColumn.create("recall", perClass(this::recall));
        DoubleColumn f1 = DoubleColumn.create("f1", perClass(this::f1));
        IntColumn support = IntColumn.create("support", IntStream.range(0, n).map(this::support).toArray());

        names.append(MACRO_AVG).append(WEIGHTED_AVG).append(ACCURACY);
        precision.append(macroPrecision()).append(weightedPrecision()).appendMissing();
        recall.append(macroRecall()).append(weightedRecall()).appendMissing();
        f1.append(macroF1()).append(weightedF1()).append(accuracy());
        support.append(total()).append(total()).append(total());

        String title = String.format(Locale.ROOT, "Classification report (accuracy %.4f, %d examples)", accuracy(), total());
        return Table.create(title, names, ReadableNumbers.applyToFractions(precision), ReadableNumbers.applyToFractions(recall), ReadableNumbers.applyToFractions(f1), support);
    }

    @Override
    public String toString() {
        int width = Math.max(WEIGHTED_AVG.length(), classNames().stream().mapToInt(String::length).max().orElse(0));
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%" + width + "s %9s %9s %9s %9s%n",
                "", "precision", "recall", "f1", "support"));
        String row = "%" + width + "s %9.4f %9.4f %9.4f %9d%n";
        for (int c = 0; c < matrix.numClasses(); c++) {
            text.append(String.format(Locale.ROOT, row, classNames().get(c), precision(c), recall(c), f1(c), support(c)));
        }
        text.append(String.format(Locale.ROOT, "%n%" + width + "s %9s %9s %9.4f %9d%n", ACCURACY, "", "", accuracy(), total()));
        text.append(String.format(Locale.ROOT, row, MACRO_AVG, macroPrecision(), macroRecall(), macroF1(), total()));
        text.append(String.format(Locale.ROOT, row, WEIGHTED_AVG, weightedPrecision(), weightedRecall(), weightedF1(), total()));
        return text.toString();
    }

    private double[] perClass(IntToDoubleFunction metric) {
        return IntStream.range(0, matrix.numClasses()).mapToDouble(metric).toArray();
    }

    private double macro(IntToDoubleFunction metric) {
        return IntStream.range(0, matrix.numClasses()).mapToDouble(metric).average().orElse(0);
    }

    private double weighted(IntToDoubleFunction metric) {
        int total = total();
        return total == 0 ? 0 : IntStream.range(0, matrix.numClasses())
                .mapToDouble(c -> metric.applyAsDouble(c) * support(c)).sum() / total;
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
