package io.github.nbworkbench.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * The mean loss over batches, per example, or per time step (token) for sequence labels
 * {@code [minibatch, classes, time steps]}. DL4J's score of a batch is the loss summed over each
 * example's time steps and averaged over the examples, so a char-LSTM's score on 64-step sequences
 * is 64 times its loss per character; dividing by the (unmasked) time steps puts {@code loss} and
 * {@code val_loss} in the units of per-token metrics such as bits per character.
 */
final class LossMean {

    private double sum;
    private long weight;

    /** Adds a batch whose DL4J score (mean over its examples) is {@code score}. */
    void add(double score, DataSet batch) {
        sum += score * batch.numExamples();
        weight += predictions(batch);
    }

    /** The mean loss per example, or per unmasked time step for sequences; NaN before any batch. */
    double value() {
        return weight == 0 ? Double.NaN : sum / weight;
    }

    /** The predictions DL4J's score of {@code batch} sums: one per example, or one per unmasked time step of each sequence. */
    static long predictions(DataSet batch) {
        INDArray labels = batch.getLabels();
        if (labels == null || labels.rank() != 3) {
            return batch.numExamples();
        }
        INDArray mask = batch.getLabelsMaskArray();
        if (mask == null) {
            return labels.size(0) * labels.size(2);
        }
        long masked = Math.round(mask.sumNumber().doubleValue());
        return mask.rank() == 3 ? masked / labels.size(1) : masked;
    }

    /** True when {@code batch} has sequence labels, so that its loss is reported per time step. */
    static boolean perTimeStep(DataSet batch) {
        return batch.getLabels() != null && batch.getLabels().rank() == 3;
    }
}
