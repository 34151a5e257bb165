package io.github.nbworkbench.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * One-vs-rest counts for one class at every distinct score used as a threshold: how many positive
 * and negative examples score at or above it. Thresholds run from the highest score down, so the
 * counts only grow; the last threshold (the lowest score) takes every example.
 */
final class ThresholdCounts {

    final String className;
    final double[] thresholds;
    final int[] truePositives;
    final int[] falsePositives;
    final int positives;
    final int negatives;

    private ThresholdCounts(String className, double[] thresholds, int[] truePositives, int[] falsePositives,
            int positives, int negatives) {
        this.className = className;
        this.thresholds = thresholds;
        this.truePositives = truePositives;
        this.falsePositives = falsePositives;
        this.positives = positives;
        this.negatives = negatives;
    }

    /**
     * @param scores    each example's score for the class, e.g. its predicted probability
     * @param positive  whether each example belongs to the class
     * @throws IllegalArgumentException for arrays of different lengths, no examples, a NaN score, or
     *                                  no positive example (recall, and so every curve, is undefined)
     */
    static ThresholdCounts of(double[] scores, boolean[] positive, String className) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("Got " + scores.length + " scores and " + positive.length
                    + " labels for class '" + className + "'; pass one of each per example.");
        }
        if (IntStream.range(0, scores.length).anyMatch(i -> Double.isNaN(scores[i]))) {
            throw new IllegalArgumentException("The scores of class '" + className + "' contain NaN; the model's outputs are broken.");
        }
        int positives = (int) IntStream.range(0, positive.length).filter(i -> positive[i]).count();
        if (positives == 0) {
            throw new IllegalArgumentException("Class '" + className + "' has no examples among the " + scores.length
                    + " labels; its recall, and so its ROC and precision-recall curves, are undefined.");
        }
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());

        double[] thresholds = new double[scores.length];
        int[] tp = new int[scores.length];
        int[] fp = new int[scores.length];
        int distinct = 0;
        int truePositives = 0;
        int falsePositives = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (positive[i]) {
                truePositives++;
            } else {
                falsePositives++;
            }
            boolean lastOfItsScore = k == order.length - 1 || scores[order[k + 1]] != scores[i];
            if (lastOfItsScore) {
                thresholds[distinct] = scores[i];
                tp[distinct] = truePositives;
                fp[distinct] = falsePositives;
                distinct++;
            }
        }
        return new ThresholdCounts(className, Arrays.copyOf(thresholds, distinct), Arrays.copyOf(tp, distinct),
                Arrays.copyOf(fp, distinct), positives, scores.length - positives);
    }

    /** The scores and membership of class {@code c} in {@code predictions}, one-vs-rest. */
    static ThresholdCounts of(Predictions predictions, int c) {
        if (c < 0 || c >= predictions.numClasses()) {
            throw new IllegalArgumentException("class index " + c + " is outside 0.." + (predictions.numClasses() - 1)
                    + " (classes " + predictions.classNames() + ")");
        }
        double[] scores = predictions.probabilities().getColumn(c).toDoubleVector();
        int[] actual = predictions.actual();
        boolean[] positive = new boolean[actual.length];
        for (int i = 0; i < actual.length; i++) {
            positive[i] = actual[i] == c;
        }
        return of(scores, positive, predictions.classNames().get(c));
    }

    static int classIndex(Predictions predictions, String className) {
        int c = predictions.classNames().indexOf(className);
        if (c < 0) {
            throw new IllegalArgumentException("No class '" + className + "'; the classes are " + predictions.classNames() + ".");
        }
        return c;
    }

    int size() {
        return thresholds.length;
    }
}
