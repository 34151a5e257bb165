package io.github.nbworkbench.augment;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checks that labels are one row of class probabilities per image (one-hot or soft labels, each row
 * summing to 1), and says what is wrong and how to fix it when not.
 */
final class LabelRows {

    /** Float rows of probabilities (e.g. after label smoothing) sum to 1 only up to rounding. */
    private static final double SUM_TOLERANCE = 1e-3;

    private LabelRows() {
    }

    static void require(INDArray labels, long images, String neededBy) {
        String expected = neededBy + " needs labels that are one-hot or probability rows, shape [N, K] with K >= 2 classes";
        if (labels == null) {
            throw new IllegalArgumentException(expected + ", but the batch has no labels");
        }
        long[] shape = labels.shape();
        String got = expected + "; got labels of shape " + Arrays.toString(shape) + ": ";
        if (shape.length != 2) {
            throw new IllegalArgumentException(got + "rank " + shape.length + " instead of 2"
                    + (shape.length == 3 ? " (time-series labels are not supported)" : ""));
        }
        if (shape[1] == 1) {
            throw new IllegalArgumentException(got + (allWholeNumbers(labels)
                    ? "one column of class indices? Fix: one-hot encode them, e.g. FeatureUtil.toOutcomeMatrix(indices, numClasses)"
                    : "one column of values, which looks like a regression target; mixing needs class labels"));
        }
        if (shape[0] != images) {
            throw new IllegalArgumentException(got + shape[0] + " rows for " + images + " images");
        }
        double[][] rows = labels.castTo(DataType.DOUBLE).toDoubleMatrix();
        for (int row = 0; row < rows.length; row++) {
            double sum = 0;
            for (double value : rows[row]) {
                if (!(value >= 0 && value <= 1)) {
                    throw new IllegalArgumentException(got + "row " + row + " holds " + value
                            + ", outside [0, 1]; normalized regression targets or logits are not class probabilities");
                }
                sum += value;
            }
            if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                throw new IllegalArgumentException(got + "row " + row + " sums to " + sum + " instead of 1"
                        + " (multi-label targets, or a row without a class, cannot be mixed as class probabilities)");
            }
        }
    }

    private static boolean allWholeNumbers(INDArray column) {
        for (double value : column.castTo(DataType.DOUBLE).dup('c').data().asDouble()) {
            if (value < 0 || value != Math.rint(value)) {
                return false;
            }
        }
        return true;
    }
}
