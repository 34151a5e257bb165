package io.github.nbworkbench.imbalance;

import io.github.nbworkbench.data.InMemoryBatchIterator;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.data.Shuffling;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.nd4j.linalg.dataset.DataSet;

/** Batches of a dataset resampled to balanced classes, drawn anew every epoch (see {@link BalancedBatches}). */
final class BalancedBatchIterator extends InMemoryBatchIterator {

    private final LabeledDataset data;
    private final Resampling resampling;
    private final long seed;
    private final int[][] examplesByClass;
    private int epoch;
    private int[] order;
    private int cursor;

    BalancedBatchIterator(LabeledDataset data, Resampling resampling, int batchSize, long seed) {
        super(batchSize);
        this.data = data;
        this.resampling = resampling;
        this.seed = seed;
        int[] classes = data.classIndices();
        this.examplesByClass = IntStream.range(0, data.numClasses())
                .mapToObj(c -> IntStream.range(0, classes.length).filter(i -> classes[i] == c).toArray())
                .toArray(int[][]::new);
        this.order = orderOfEpoch(0);
    }

    private int[] orderOfEpoch(int epochIndex) {
        return resampling.epoch(examplesByClass, new Random(Shuffling.epochSeed(seed, epochIndex)));
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    protected DataSet nextBatch(int num) {
        int[] indices = Arrays.copyOfRange(order, cursor, Math.min(order.length, cursor + num));
        cursor += indices.length;
        return data.select(indices).toDataSet();
    }

    /** Starts the next epoch, with a fresh draw. */
    @Override
    public void reset() {
        cursor = 0;
        order = orderOfEpoch(++epoch);
    }

    @Override
    public int inputColumns() {
        return (int) (data.features().length() / Math.max(1, data.size()));
    }

    @Override
    public int totalOutcomes() {
        return data.numClasses();
    }






    @Override
    public List<String> getLabels() {
        return data.classNames();
    }
}
