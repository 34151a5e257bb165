package io.github.nbworkbench.text;

import io.github.nbworkbench.data.InMemoryBatchIterator;
import io.github.nbworkbench.data.Shuffling;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batches of one-hot windows for next-token prediction. The windows form an endless stream of
 * passes, each pass in text order or, with a seed, in pass k's own shuffled order; epoch e is
 * either pass e or, with a fixed number of batches per epoch, the e-th slice of that many rows.
 * What an epoch holds thus depends only on the seed and the epoch's number.
 */
final class SequenceIterator extends InMemoryBatchIterator {

    private final int[] ids;
    private final int[] starts;
    private final int vocabularySize;
    private final int length;
    private final Long seed;
    private final long rowsPerEpoch;
    private int epoch;
    private long cursor;
    private long orderPass = -1;
    private int[] order;

    SequenceIterator(TextSequences sequences, int batchSize, Long seed, int batchesPerEpoch) {
        super(batchSize);
        this.ids = sequences.ids();
        this.starts = sequences.starts();
        if (starts.length == 0) {
            throw new IllegalArgumentException("No window of " + sequences.length() + " tokens fits in this text (" + sequences.tokens()
                    + " tokens); use a shorter sequence length or more text");
        }
        this.vocabularySize = sequences.vocabularySize();
        this.length = sequences.length();
        this.seed = seed;
        this.rowsPerEpoch = batchesPerEpoch > 0 ? (long) batchesPerEpoch * batchSize : starts.length;
    }

    @Override
    public boolean hasNext() {
        return cursor < rowsPerEpoch;
    }

    @Override
    protected DataSet nextBatch(int num) {
        int rows = (int) Math.min(num, rowsPerEpoch - cursor);
        float[] features = new float[rows * vocabularySize * length];
        float[] labels = new float[features.length];
        for (int row = 0; row < rows; row++) {
            int start = starts[window(epoch * rowsPerEpoch + cursor + row)];
            int rowOffset = row * vocabularySize * length;
            for (int t = 0; t < length; t++) {
                features[rowOffset + ids[start + t] * length + t] = 1f;
                labels[rowOffset + ids[start + t + 1] * length + t] = 1f;
            }
        }
        cursor += rows;
        long[] shape = {rows, vocabularySize, length};
        return new DataSet(Nd4j.create(features, shape, 'c'), Nd4j.create(labels, shape, 'c'));
    }

    /** The window at position {@code row} of the endless stream of passes. */
    private int window(long row) {
        long pass = row / starts.length;
        if (pass != orderPass) {
            order = orderOfPass(pass);
            orderPass = pass;
        }
        return order[(int) (row % starts.length)];
    }

    private int[] orderOfPass(long pass) {
        if (seed == null) {
            int[] identity = new int[starts.length];
            Arrays.setAll(identity, i -> i);
            return identity;
        }
        return Shuffling.permutation(starts.length, Shuffling.epochSeed(seed, (int) pass));
    }

    @Override
    public void reset() {
        cursor = 0;
        epoch++;
    }

    @Override
    public int inputColumns() {
        return vocabularySize;
    }

    @Override
    public int totalOutcomes() {
        return vocabularySize;
    }






    @Override
    public List<String> getLabels() {
        return null;
    }
}
