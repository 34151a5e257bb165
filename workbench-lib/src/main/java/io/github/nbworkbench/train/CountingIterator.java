package io.github.nbworkbench.train;

import java.util.List;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** Passes batches through and counts their examples and predictions, for a samples/s figure where the consumer is out of reach. */
final class CountingIterator implements DataSetIterator {

    private final DataSetIterator source;
    private long examples;
    private long predictions;
    private boolean sequenceLabels;

    CountingIterator(DataSetIterator source) {
        this.source = source;
    }

    long examples() {
        return examples;
    }

    /** Examples, or unmasked time steps for sequence labels: what DL4J's loss sums (see {@link LossMean}). */
    long predictions() {
        return predictions;
    }

    /** True once a batch had sequence labels, whose loss is per time step (see {@link LossMean#perTimeStep}). */
    boolean sawSequenceLabels() {
        return sequenceLabels;
    }

    @Override
    public DataSet next(int num) {
        return counted(source.next(num));
    }

    @Override
    public DataSet next() {
        return counted(source.next());
    }

    private DataSet counted(DataSet batch) {
        examples += batch.numExamples();
        predictions += LossMean.predictions(batch);
        sequenceLabels |= LossMean.perTimeStep(batch);
        return batch;
    }

    @Override
    public boolean hasNext() {
        return source.hasNext();
    }

    @Override
    public int inputColumns() {
        return source.inputColumns();
    }

    @Override
    public int totalOutcomes() {
        return source.totalOutcomes();
    }

    @Override
    public boolean resetSupported() {
        return source.resetSupported();
    }

    @Override
    public boolean asyncSupported() {
        return source.asyncSupported();
    }

    @Override
    public void reset() {
        source.reset();
    }

    @Override
    public int batch() {
        return source.batch();
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        source.setPreProcessor(preProcessor);
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return source.getPreProcessor();
    }

    @Override
    public List<String> getLabels() {
        return source.getLabels();
    }
}
