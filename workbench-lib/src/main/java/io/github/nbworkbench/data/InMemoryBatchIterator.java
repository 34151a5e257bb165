package io.github.nbworkbench.data;

import java.util.NoSuchElementException;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * What the workbench's iterators over data held in memory share: a batch size, a pre-processor run
 * on every batch, reset always supported, and no asynchronous prefetching (a batch is quick to cut).
 * Subclasses cut the batches and say when an epoch is over.
 */
public abstract class InMemoryBatchIterator implements DataSetIterator {

    private final int batchSize;
    private DataSetPreProcessor preProcessor;

    protected InMemoryBatchIterator(int batchSize) {
        this.batchSize = batchSize;
    }

    /** The next batch of at most {@code maxExamples} examples; called only while {@link #hasNext()}. */
    protected abstract DataSet nextBatch(int maxExamples);

    @Override
    public final DataSet next() {
        return next(batchSize);
    }

    @Override
    public final DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("the epoch is over: call reset() to start the next one");
        }
        DataSet batch = nextBatch(num);
        if (preProcessor != null) {
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    @Override
    public final boolean resetSupported() {
        return true;
    }

    @Override
    public final boolean asyncSupported() {
        return false;
    }

    @Override
    public final int batch() {
        return batchSize;
    }

    @Override
    public final void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public final DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }
}
