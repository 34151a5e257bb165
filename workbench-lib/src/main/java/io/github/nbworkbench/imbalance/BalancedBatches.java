package io.github.nbworkbench.imbalance;

import io.github.nbworkbench.data.LabeledDataset;
import java.util.Locale;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Settings of an iterator over a classification dataset that resamples every epoch to balanced
 * classes, then shuffles; each batch is a random draw from that balanced epoch, so batches are
 * balanced on average rather than exactly:
 *
 * <pre>{@code
 * DataSetIterator train = BalancedBatches.oversample(split.trainSet()).batchSize(64).seed(42).iterator();
 * Trainer.of(net).epochs(5).fit(train);
 * }</pre>
 *
 * <p>Each {@code reset()} starts a new epoch, drawn afresh; epoch k depends only on the seed and k.
 */
public final class BalancedBatches {

    /** The seed used when {@link #seed(long)} is not called. */
    public static final long DEFAULT_SEED = 42;

    private final LabeledDataset data;
    private final Resampling resampling;
    private int batchSize = 32;
    private long seed = DEFAULT_SEED;
    private DataSetPreProcessor preProcessor;

    private BalancedBatches(LabeledDataset data, Resampling resampling) {
        if (!data.isClassification()) {
            throw new IllegalArgumentException("Balanced batches need classes; this is a regression dataset: " + data);
        }
        int[] counts = data.classCounts();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "class '%s' has no examples, so it cannot be %s; leave the class out of the data (class counts: %s).",
                        data.classNames().get(c), resampling == Resampling.OVERSAMPLE ? "oversampled" : "sampled",
                        ClassDistribution.of(data)));
            }
        }
        this.data = data;
        this.resampling = resampling;
    }

    /** Every class drawn up to the largest class's count each epoch (see {@link Resampling#OVERSAMPLE}). */
    public static BalancedBatches oversample(LabeledDataset data) {
        return new BalancedBatches(data, Resampling.OVERSAMPLE);
    }

    /** Every class cut down to the smallest class's count each epoch (see {@link Resampling#UNDERSAMPLE}). */
    public static BalancedBatches undersample(LabeledDataset data) {
        return new BalancedBatches(data, Resampling.UNDERSAMPLE);
    }

    /** Examples per batch (32 by default); the last batch of an epoch may be smaller. */
    public BalancedBatches batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be 1 or more, got " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /** The seed of the resampling and shuffling ({@value #DEFAULT_SEED} by default). */
    public BalancedBatches seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Applies {@code preProcessor} (e.g. a {@code Standardizer}) to every batch. */
    public BalancedBatches preProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
        return this;
    }

    /** The number of examples in each epoch: the classes times the examples each gets. */
    public int epochSize() {
        return resampling.perClass(data.classCounts()) * data.numClasses();
    }

    /** A new iterator with these settings, at its first epoch; it supports {@code reset()}. */
    public DataSetIterator iterator() {
        BalancedBatchIterator iterator = new BalancedBatchIterator(data, resampling, batchSize, seed);
        iterator.setPreProcessor(preProcessor);
        return iterator;
    }
}
