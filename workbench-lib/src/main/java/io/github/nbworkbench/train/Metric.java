package io.github.nbworkbench.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A quantity computed from a model's outputs and the labels, batch by batch, for the history. Its
 * {@link #name()} becomes a history column, and {@code val_} + name the column for the validation data.
 */
public interface Metric {

    /** Fraction of examples (time steps, for sequences) whose top class is the labelled one; one output column means binary at 0.5. */
    Metric ACCURACY = new Accuracy();

    /** Mean absolute difference between outputs and labels, for regression. */
    Metric MAE = new MeanAbsoluteError();

    /**
     * Bits per character (per token, for word models): the mean cross-entropy of the predicted next
     * token in bits, named {@code bpc}. log2 of the vocabulary size for a model that has learnt nothing;
     * about 1.3-2 for a good character model of English. Lower is better.
     */
    Metric BITS_PER_CHARACTER = new BitsPerCharacter();

    /**
     * Perplexity: e to the mean cross-entropy in nats (equally 2 to the bits per token), named
     * {@code perplexity}; the number of equally likely tokens the model is as unsure as. Lower is better.
     */
    Metric PERPLEXITY = new Perplexity();

    /** Fraction of examples whose labelled class is among the {@code k} highest outputs, named {@code top<k>_accuracy}. */
    static Metric topK(int k) {
        return new TopKAccuracy(k);
    }

    String name();

    /** A fresh accumulator for one pass over the data. */
    Accumulator newAccumulator();

    /** Sums one pass's batches; {@link #value()} is the metric over all of them. */
    interface Accumulator {

        /**
         * Adds a batch: outputs and labels [minibatch, n] or, for sequences, [minibatch, n, time steps]
         * with an optional labels mask [minibatch, time steps].
         */
        void add(INDArray labels, INDArray outputs, INDArray labelsMask);

        /** The metric so far, NaN before any example. */
        double value();
    }
}
