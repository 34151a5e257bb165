package io.github.nbworkbench.imbalance;

import io.github.nbworkbench.data.LabeledDataset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * One loss weight per class: an example's cross-entropy is multiplied by its class's weight, so a
 * rare class with weight 10 counts as much as if each of its examples were there ten times.
 *
 * <pre>{@code
 * ClassWeights weights = ClassWeights.balanced(train);   // N / (K * count), scikit-learn's "balanced"
 * ClassWeightedLoss.apply(net, weights);
 * }</pre>
 */
public final class ClassWeights {

    private final List<String> classNames;
    private final double[] weights;

    private ClassWeights(List<String> classNames, double[] weights) {
        this.classNames = List.copyOf(classNames);
        this.weights = weights;
    }

    /** scikit-learn's {@code class_weight="balanced"} for the classes of {@code data}. */
    public static ClassWeights balanced(LabeledDataset data) {
        return balanced(ClassDistribution.of(data));
    }

    /** scikit-learn's {@code class_weight="balanced"} for class indices into {@code classNames}. */
    public static ClassWeights balanced(int[] classIndices, List<String> classNames) {
        return balanced(ClassDistribution.of(classIndices, classNames));
    }

    /**
     * scikit-learn's {@code class_weight="balanced"}: N / (K * count) for a class with count of the N
     * examples and K classes. Every class then carries the same total weight, N / K, and a balanced
     * dataset gets weight 1 everywhere.
     *
     * @throws IllegalArgumentException when a class has no examples
     */
    public static ClassWeights balanced(ClassDistribution distribution) {
        int total = distribution.total();
        int k = distribution.numClasses();
        double[] weights = new double[k];
        for (int c = 0; c < k; c++) {
            int count = distribution.count(c);
            if (count == 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "class '%s' has no examples; its weight would be infinite: %d / (%d * 0). Leave the class out of"
                                + " the data, or give explicit weights with ClassWeights.of(classNames, weights...).",
                        distribution.classNames().get(c), total, k));
            }
            weights[c] = (double) total / ((double) k * count);
        }
        return new ClassWeights(distribution.classNames(), weights);
    }

    /**
     * Explicit weights, one per class in class order.
     *
     * @throws IllegalArgumentException when the number of weights differs from the number of classes or
     *                                  a weight is not a positive finite number
     */
    public static ClassWeights of(List<String> classNames, double... weights) {
        if (weights.length != classNames.size()) {
            throw new IllegalArgumentException("Got " + weights.length + " weights " + Arrays.toString(weights) + " for "
                    + classNames.size() + " classes " + classNames + "; pass one weight per class, in class order.");
        }
        for (int c = 0; c < weights.length; c++) {
            if (!(weights[c] > 0) || Double.isInfinite(weights[c])) {
                throw new IllegalArgumentException("The weight of class '" + classNames.get(c) + "' is " + weights[c]
                        + "; weights must be positive finite numbers.");
            }
        }
        return new ClassWeights(classNames, weights.clone());
    }

    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return weights.length;
    }

    /** The weights, in class order. */
    public double[] values() {
        return weights.clone();
    }

    /** The weight of class {@code c}. */
    public double weight(int c) {
        return weights[c];
    }

    /** The weight of the class named {@code className}. */
    public double weight(String className) {
        int c = classNames.indexOf(className);
        if (c < 0) {
            throw new IllegalArgumentException("No class '" + className + "'; the classes are " + classNames + ".");
        }
        return weights[c];
    }

    /** The weights as a row vector {@code [1, classes]} of {@code dataType}, as DL4J's loss functions take them. */
    public INDArray toINDArray(DataType dataType) {
        return Nd4j.create(weights, new long[] {1, weights.length}, DataType.DOUBLE).castTo(dataType);
    }

    /** One row per class: class, weight. */
    public Table table() {
        DoubleColumn weight = DoubleColumn.create("weight", weights);
        weight.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        return Table.create("Class weights", StringColumn.create("class", classNames), weight);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ClassWeights[");
        for (int c = 0; c < weights.length; c++) {
            text.append(c == 0 ? "" : ", ").append(classNames.get(c)).append('=')
                    .append(String.format(Locale.ROOT, "%.4f", weights[c]));
        }
        return text.append(']').toString();
    }
}
