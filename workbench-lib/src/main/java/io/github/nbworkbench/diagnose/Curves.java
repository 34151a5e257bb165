package io.github.nbworkbench.diagnose;

import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Metric;

/** The columns of a {@link History} the doctor reads, as arrays in epoch order; a column the run did not record is null. */
final class Curves {

    final int[] epochs;
    final double[] loss;
    final double[] validationLoss;
    final double[] accuracy;
    final double[] validationAccuracy;
    final double[] learningRate;

    private Curves(History history) {
        epochs = history.intColumn(History.EPOCH).asIntArray();
        loss = column(history, History.LOSS);
        validationLoss = column(history, History.VALIDATION_LOSS);
        accuracy = column(history, Metric.ACCURACY.name());
        validationAccuracy = column(history, History.validation(Metric.ACCURACY.name()));
        learningRate = column(history, History.LEARNING_RATE);
    }

    static Curves of(History history) {
        return new Curves(history);
    }

    private static double[] column(History history, String name) {
        return history.containsColumn(name) ? history.doubleColumn(name).asDoubleArray() : null;
    }

    int size() {
        return epochs.length;
    }

    int last() {
        return epochs.length - 1;
    }

    /** The row of the first epoch whose training loss is NaN or infinite (or validation loss infinite), or -1. */
    int firstNonFiniteLoss() {
        for (int i = 0; i < loss.length; i++) {
            if (!Double.isFinite(loss[i]) || validationLoss != null && Double.isInfinite(validationLoss[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The row of the lowest finite value of {@code values}, the first on ties; -1 when none is finite. */
    static int lowest(double[] values) {
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i]) && (best < 0 || values[i] < values[best])) {
                best = i;
            }
        }
        return best;
    }

    /** (to - from) / from. */
    static double relativeChange(double from, double to) {
        return (to - from) / Math.abs(from);
    }
}
