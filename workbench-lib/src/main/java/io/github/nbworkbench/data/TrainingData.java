package io.github.nbworkbench.data;

import java.util.Objects;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The data of a training run in one object, as fastai's DataLoaders: the training, validation and
 * (optionally) test parts, the batch size, the seed that shuffles the training batches and a
 * preprocessor applied to every part. {@code Trainer.fit(data)} trains on {@link #train()} and
 * validates on {@link #validation()}; evaluation takes {@link #test()}.
 *
 * <pre>{@code
 * TrainingData data = fashion.train().trainValidationSplit(0.1, 42).batchSize(64);
 * History history = Trainer.of(net).epochs(5).metrics(Metric.ACCURACY).fit(data);
 * }</pre>
 *
 * <p>Immutable: {@link #batchSize(int)}, {@link #shuffle(long)} and {@link #preProcessor} return a
 * changed copy. Each iterator accessor returns a new iterator that supports {@code reset()}; the
 * training one reshuffles at every reset, the validation and test ones keep the datasets' order.
 */
public final class TrainingData {

    /** Examples per batch unless {@link #batchSize(int)} says otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 64;

    private final LabeledDataset trainSet;
    private final LabeledDataset validationSet;
    private final LabeledDataset testSet;
    private final int batchSize;
    private final long shuffleSeed;
    private final DataSetPreProcessor preProcessor;

    private TrainingData(LabeledDataset trainSet, LabeledDataset validationSet, LabeledDataset testSet, int batchSize,
            long shuffleSeed, DataSetPreProcessor preProcessor) {
        this.trainSet = Objects.requireNonNull(trainSet, "train");
        this.validationSet = Objects.requireNonNull(validationSet, "validation");
        this.testSet = testSet;
        this.batchSize = batchSize;
        this.shuffleSeed = shuffleSeed;
        this.preProcessor = preProcessor;
    }

    /**
     * Training and validation data, in batches of {@value #DEFAULT_BATCH_SIZE}; the training batches
     * are shuffled with a seed drawn from ND4J's generator, so {@code Seeds.seedEverything} before
     * this call makes the order repeatable ({@link #shuffle(long)} sets it).
     */
    public static TrainingData of(LabeledDataset train, LabeledDataset validation) {
        return new TrainingData(train, validation, null, DEFAULT_BATCH_SIZE, Nd4j.getRandom().nextLong(), null);
    }

    /** Training, validation and test data; see {@link #of(LabeledDataset, LabeledDataset)}. */
    public static TrainingData of(LabeledDataset train, LabeledDataset validation, LabeledDataset test) {
        return new TrainingData(train, validation, Objects.requireNonNull(test, "test"), DEFAULT_BATCH_SIZE,
                Nd4j.getRandom().nextLong(), null);
    }

    /** A copy with batches of {@code size} examples, for every part. */
    public TrainingData batchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be 1 or more, got " + size);
        }
        return new TrainingData(trainSet, validationSet, testSet, size, shuffleSeed, preProcessor);
    }

    /** A copy whose training batches are shuffled from {@code seed}: epoch k's order depends only on the seed and k. */
    public TrainingData shuffle(long seed) {
        return new TrainingData(trainSet, validationSet, testSet, batchSize, seed, preProcessor);
    }

    /** A copy that applies {@code preProcessor} (e.g. a {@link Standardizer} fitted on the training part) to the batches of every part. */
    public TrainingData preProcessor(DataSetPreProcessor preProcessor) {
        return new TrainingData(trainSet, validationSet, testSet, batchSize, shuffleSeed, Objects.requireNonNull(preProcessor, "preProcessor"));
    }

    public int batchSize() {
        return batchSize;
    }

    /** A new iterator over the training part, reshuffled at every {@code reset()}. */
    public DataSetIterator train() {
        return trainSet.batchSize(batchSize).shuffle(shuffleSeed).preProcessor(preProcessor).iterator();
    }

    /** A new iterator over the validation part, in its order. */
    public DataSetIterator validation() {
        return inOrder(validationSet);
    }

    /** A new iterator over the test part, in its order; fails when this data has no test part. */
    public DataSetIterator test() {
        return inOrder(testSet());
    }

    public LabeledDataset trainSet() {
        return trainSet;
    }

    public LabeledDataset validationSet() {
        return validationSet;
    }

    /** The test part; fails when this data has none. */
    public LabeledDataset testSet() {
        if (testSet == null) {
            throw new IllegalStateException("This TrainingData has no test part: split with trainValidationTestSplit(validation, test, seed)"
                    + " or build it with TrainingData.of(train, validation, test)");
        }
        return testSet;
    }

    public boolean hasTest() {
        return testSet != null;
    }

    private DataSetIterator inOrder(LabeledDataset part) {
        return part.batchSize(batchSize).preProcessor(preProcessor).iterator();
    }

    @Override
    public String toString() {
        return "TrainingData[train " + trainSet.size() + ", validation " + validationSet.size()
                + (testSet != null ? ", test " + testSet.size() : "") + " examples, batches of " + batchSize + "]";
    }
}
