package io.github.nbworkbench.eval;

import io.github.nbworkbench.tables.ReadableNumbers;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The examples a classifier got most wrong: those with the highest cross-entropy loss
 * {@code -sum(label * ln(p))}, which for one-hot labels is {@code -ln(p_true)}. Probabilities are
 * clipped to at least {@value #MIN_PROBABILITY} so that a confident miss has a finite loss.
 *
 * <p>{@link #indices()} gives the example indices, e.g. to show those images with
 * {@code ImageGrid}.
 */
public final class TopLosses {

    /** The smallest probability used in the logarithm. */
    public static final double MIN_PROBABILITY = 1e-15;

    private final int[] indices;
    private final double[] losses;
    private final int[] actual;
    private final int[] predicted;
    private final double[] trueClassProbabilities;
    private final List<String> classNames;

    private TopLosses(int[] indices, double[] losses, int[] actual, int[] predicted,
            double[] trueClassProbabilities, List<String> classNames) {
        this.indices = indices;
        this.losses = losses;
        this.actual = actual;
        this.predicted = predicted;
        this.trueClassProbabilities = trueClassProbabilities;
        this.classNames = classNames;
    }

    /**
     * The {@code n} examples with the highest loss, highest first (ties: lower index first). Fewer
     * when there are fewer examples.
     */
    public static TopLosses of(Predictions predictions, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be 0 or more, got " + n);
        }
        double[][] probabilities = predictions.probabilities().toDoubleMatrix();
        double[][] labels = predictions.labels().toDoubleMatrix();
        double[] allLosses = IntStream.range(0, labels.length)
                .mapToDouble(i -> crossEntropy(probabilities[i], labels[i])).toArray();
        int[] top = IntStream.range(0, labels.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -allLosses[i]).thenComparingInt(i -> i))
                .limit(n).mapToInt(Integer::intValue).toArray();

        int[] allActual = predictions.actual();
        int[] allPredicted = predictions.predicted();
        return new TopLosses(top,
                Arrays.stream(top).mapToDouble(i -> allLosses[i]).toArray(),
                Arrays.stream(top).map(i -> allActual[i]).toArray(),
                Arrays.stream(top).map(i -> allPredicted[i]).toArray(),
                Arrays.stream(top).mapToDouble(i -> probabilities[i][allActual[i]]).toArray(),
                predictions.classNames());
    }

    /**
     * The {@code n} examples with the highest loss, from DL4J outputs.
     *
     * @param probabilities the model's outputs, shape [N, classes]
     * @param labels        one-hot labels, shape [N, classes]
     */
    public static TopLosses of(INDArray probabilities, INDArray labels, List<String> classNames, int n) {
        return of(Predictions.of(probabilities, labels, classNames), n);
    }

    private static double crossEntropy(double[] probabilities, double[] labels) {
        double loss = 0;
        for (int c = 0; c < labels.length; c++) {
            if (labels[c] != 0) {
                loss -= labels[c] * Math.log(Math.max(probabilities[c], MIN_PROBABILITY));
            }
        }
        return loss;
    }

    /** The indices of the examples, highest loss first, into the arrays the predictions came from. */
    public int[] indices() {
        return indices.clone();
    }

    /** The losses, highest first. */
    public double[] losses() {
        return losses.clone();
    }

    /** The true class of each example, in the order of {@link #indices()}. */
    public int[] actual() {
        return actual.clone();
    }

    /** The predicted class of each example, in the order of {@link #indices()}. */
    public int[] predicted() {
        return predicted.clone();
    }

    /**
     * A table with columns index (of the example), true and predicted (class names), loss and
     * p_true (the probability the model gave the true class), highest loss first.
     */
    public Table table() {
        return Table.create("Top " + indices.length + " losses",
                IntColumn.create("index", indices),
                StringColumn.create("true", Arrays.stream(actual).mapToObj(classNames::get)),
                StringColumn.create("predicted", Arrays.stream(predicted).mapToObj(classNames::get)),
                ReadableNumbers.applyToFractions(DoubleColumn.create("loss", losses)),
                ReadableNumbers.applyToFractions(DoubleColumn.create("p_true", trueClassProbabilities)));
    }

    @Override
    public String toString() {
        return table().print();
    }
}
