package io.github.nbworkbench.data;

import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** Batches of an in-memory {@link LabeledDataset}, in its order or reshuffled every epoch. */
final class BatchIterator implements DataSetIterator {

    private final LabeledDataset data;
    private final INDArray rowsOfFeatures;
    private final long[] exampleShape;
    private final int batchSize;
    private final Long seed;
    private DataSetPreProcessor preProcessor;
    private int epoch;
    private int[] order;
    private int cursor;

    BatchIterator(LabeledDataset data, int batchSize, Long seed) {
        this.data = data;
        this.rowsOfFeatures = data.features().reshape('c', data.size(), data.features().length() / Math.max(1, data.size()));
        this.exampleShape = data.exampleShape();
        this.batchSize = batchSize;
        this.seed = seed;
        this.order = orderOfEpoch(0);
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("the epoch is over: call reset() to start the next one");
        }
        int[] indices = Arrays.copyOfRange(order, cursor, Math.min(order.length, cursor + num));
        cursor += indices.length;
        long[] batchShape = new long[exampleShape.length + 1];
        batchShape[0] = indices.length;
        System.arraycopy(exampleShape, 0, batchShape, 1, exampleShape.length);
        DataSet batch = new DataSet(Rows.pull(rowsOfFeatures, indices).reshape('c', batchShape), Rows.pull(data.labels(), indices));
        batch.setLabelNames(data.classNames());
        if (preProcessor != null) {
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    @Override
    public void reset() {
        cursor = 0;
        if (seed != null) {
            order = orderOfEpoch(++epoch);
        }
    }

    private int[] orderOfEpoch(int epochIndex) {
        if (seed == null) {
            int[] identity = new int[data.size()];
            Arrays.setAll(identity, i -> i);
            return identity;
        }
        return Shuffling.permutation(data.size(), Shuffling.epochSeed(seed, epochIndex));
    }

    @Override
    public int inputColumns() {
        return (int) rowsOfFeatures.size(1);
    }

    @Override
    public int totalOutcomes() {
        return (int) data.labels().size(1);
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return data.classNames();
    }
}
