package io.github.nbworkbench.text;

import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Settings of an iterator over {@link TextSequences} in batches; start it with
 * {@link TextSequences#batchSize(int)}.
 */
public final class SequenceBatches {

    private final TextSequences sequences;
    private final int batchSize;
    private Long seed;
    private int batchesPerEpoch;

    SequenceBatches(TextSequences sequences, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be 1 or more, got " + batchSize);
        }
        this.sequences = sequences;
        this.batchSize = batchSize;
    }

    /**
     * Shuffles the windows anew at the start of every epoch (each {@code reset()}); epoch k's order
     * depends only on {@code seed} and k. Without it windows come in text order.
     */
    public SequenceBatches shuffle(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Makes an epoch {@code batches} batches long instead of one pass over all windows, the next
     * epoch going on where this one stopped (and into a new, reshuffled pass when the windows run
     * out). For corpora so large that one pass takes too long to see validation figures and samples.
     */
    public SequenceBatches batchesPerEpoch(int batches) {
        if (batches < 1) {
            throw new IllegalArgumentException("batchesPerEpoch must be 1 or more, got " + batches);
        }
        this.batchesPerEpoch = batches;
        return this;
    }

    /**
     * A new iterator with these settings; it supports {@code reset()}. Each batch has one-hot features
     * and labels of shape [batch, vocabulary size, sequence length] (DL4J's NCW layout).
     *
     * @throws IllegalArgumentException when there are no windows to iterate over
     */
    public DataSetIterator iterator() {
        return new SequenceIterator(sequences, batchSize, seed, batchesPerEpoch);
    }
}
