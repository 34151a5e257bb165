package io.github.nbworkbench.models;

import io.github.nbworkbench.data.LabeledDataset;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Refuses a regression target where a classifier is being built, and names the builder's regression option. */
final class LabelCheck {

    private static final double TOLERANCE = 1e-3;

    private LabelCheck() {
    }

    static void requireClasses(LabeledDataset data, String classifier, String regressionOption) {
        if (!data.isClassification()) {
            throw new IllegalArgumentException(regressionTarget(classifier, "the data is a regression dataset (targets "
                    + Arrays.toString(data.labels().shape()) + ", no classes)", regressionOption));
        }
    }

    /** Checks that {@code labels} are one-hot (or soft) class labels {@code [N, classes]}. */
    static void requireClasses(INDArray labels, String classifier, String regressionOption) {
        float[][] rows = labels.rank() == 2 ? labels.toFloatMatrix() : new float[0][];
        for (int i = 0; i < rows.length; i++) {
            float[] row = rows[i];
            if (row.length == 1) {
                throw new IllegalArgumentException(isWhole(row[0])
                        ? "the labels are one column of class numbers (" + row[0] + " in example " + i + "), but " + classifier
                                + " takes one-hot labels [N, classes]: make them with LabeledDataset.classification(features,"
                                + " classIndices, classNames); for a continuous target use " + regressionOption
                        : regressionTarget(classifier, "the labels are one column of continuous values (" + row[0] + " in example "
                                + i + ")", regressionOption));
            }
            double sum = 0;
            for (float value : row) {
                if (value < -TOLERANCE || value > 1 + TOLERANCE) {
                    throw new IllegalArgumentException(regressionTarget(classifier, "the labels hold " + value + " in example " + i
                            + ", outside the 0..1 of one-hot classes", regressionOption));
                }
                sum += value;
            }
            if (Math.abs(sum - 1) > TOLERANCE) {
                throw new IllegalArgumentException(regressionTarget(classifier, "the labels of example " + i + " sum to " + sum
                        + ", not 1 as one-hot classes do", regressionOption));
            }
        }
    }

    private static String regressionTarget(String classifier, String what, String regressionOption) {
        return what + ": that is a regression target, but " + classifier + " builds a classifier (softmax over classes)."
                + " For a continuous target use " + regressionOption + "; for classes, read the labels as classes"
                + " (e.g. TabularData...classification())";
    }

    private static boolean isWhole(float value) {
        return value == Math.rint(value);
    }
}
