package io.github.nbworkbench.data;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** Batches of an in-memory {@link LabeledDataset}, in its order or reshuffled every epoch. */
final class BatchIterator extends InMemoryBatchIterator {

    private final LabeledDataset data;
    private final INDArray rowsOfFeatures;
    private final long[] exampleShape;
    private final Long seed;
    private int epoch;
    private int[] order;
    private int cursor;

    BatchIterator(LabeledDataset data, int batchSize, Long seed) {
        super(batchSize);
        this.data = data;
        this.rowsOfFeatures = data.features().reshape('c', data.size(), data.features().length() / Math.max(1, data.size()));
        this.exampleShape = data.exampleShape();
        this.seed = seed;
        this.order = orderOfEpoch(0);
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    protected DataSet nextBatch(int num) {
        int[] indices = Arrays.copyOfRange(order, cursor, Math.min(order.length, cursor + num));
        cursor += indices.length;
        long[] batchShape = new long[exampleShape.length + 1];
        batchShape[0] = indices.length;
        System.arraycopy(exampleShape, 0, batchShape, 1, exampleShape.length);
        DataSet batch = new DataSet(SelectedExamples.copy(rowsOfFeatures, indices).reshape('c', batchShape),
                SelectedExamples.copy(data.labels(), indices));
        batch.setLabelNames(data.classNames());
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
    public List<String> getLabels() {
        return data.classNames();
    }
}
