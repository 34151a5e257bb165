package io.github.nbworkbench.data;

import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Settings of an iterator over a {@link LabeledDataset} in batches; start it with
 * {@link LabeledDataset#batchSize(int)}:
 *
 * <pre>{@code
 * DataSetIterator train = data.trainSet().batchSize(64).shuffle(42).preProcessor(standardizer).iterator();
 * }</pre>
 */
public final class Batches {

    private final LabeledDataset data;
    private final int batchSize;
    private Long seed;
    private DataSetPreProcessor preProcessor;

    Batches(LabeledDataset data, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be 1 or more, got " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
    }

    /**
     * Shuffles the examples anew at the start of every epoch (each {@code reset()}); epoch k's order
     * depends only on {@code seed} and k. Without it the iterator keeps the dataset's order.
     */
    public Batches shuffle(long seed) {
        this.seed = seed;
        return this;
    }

    /** Applies {@code preProcessor} (e.g. a {@link Standardizer}) to every batch. */
    public Batches preProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
        return this;
    }

    /** A new iterator with these settings; it supports {@code reset()}. */
    public DataSetIterator iterator() {
        BatchIterator iterator = new BatchIterator(data, batchSize, seed);
        iterator.setPreProcessor(preProcessor);
        return iterator;
    }
}
