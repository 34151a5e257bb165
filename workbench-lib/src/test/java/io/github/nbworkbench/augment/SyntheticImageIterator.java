package io.github.nbworkbench.augment;

import java.util.List;
import java.util.NoSuchElementException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A base iterator for tests: {@code examples} gray images in batches, each image filled with a
 * pattern that depends on its example number, labels one-hot by example number mod 10. Hands
 * out new DataSets on every call, applies its own preprocessor, and counts its resets.
 */
final class SyntheticImageIterator implements DataSetIterator {

    static final int CLASSES = 10;

    private final int examples;
    private final int batchSize;
    private final int side;
    private final float scale;
    private DataSetPreProcessor preProcessor;
    private int cursor;
    private int resets;

    /** Pixel values in [0, 1). */
    SyntheticImageIterator(int examples, int batchSize, int side) {
        this(examples, batchSize, side, 1);
    }

    /** Pixel values in [0, scale). */
    SyntheticImageIterator(int examples, int batchSize, int side, float scale) {
        this.examples = examples;
        this.batchSize = batchSize;
        this.side = side;
        this.scale = scale;
    }

    @Override
    public boolean hasNext() {
        return cursor < examples;
    }

    @Override
    public DataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int count = Math.min(batchSize, examples - cursor);
        float[] pixels = new float[count * side * side];
        INDArray labels = Nd4j.zeros(count, CLASSES);
        for (int i = 0; i < count; i++) {
            int example = cursor + i;
            for (int p = 0; p < side * side; p++) {
                pixels[i * side * side + p] = scale * ((example * 31 + p * 7) % 97) / 97f;
            }
            labels.putScalar(i, example % CLASSES, 1.0);
        }
        cursor += count;
        DataSet batch = new DataSet(Nd4j.create(pixels, new long[] {count, 1, side, side}, 'c'), labels);
        if (preProcessor != null) {
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    @Override
    public DataSet next(int num) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int inputColumns() {
        return side * side;
    }

    @Override
    public int totalOutcomes() {
        return CLASSES;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return true;
    }

    @Override
    public void reset() {
        cursor = 0;
        resets++;
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
        return List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    int resets() {
        return resets;
    }
}
