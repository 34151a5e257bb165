package io.github.nbworkbench.augment;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Wraps a {@link DataSetIterator} and augments its batches in a background thread, a few batches
 * ahead, so that training does not wait for augmentation.
 *
 * <p>Order of work per batch: the base iterator's {@code next()} (with the base's own preprocessor,
 * e.g. scaling pixels to [0, 1]), then the pipeline, then this iterator's preprocessor (set with
 * {@link #setPreProcessor}; the place for normalization such as {@code NormalizerStandardize}).
 * The base's DataSets are never modified: each augmented batch is a new DataSet.
 *
 * <p>Reproducible despite the prefetching: the k-th batch delivered since construction is always
 * augmented as batch number k of the pipeline, so two runs with the same seed see the same batches,
 * and each epoch sees new augmentations. The background thread starts at the first
 * {@code hasNext()} of an epoch and ends with the epoch; {@link #reset()} stops it and starts over,
 * {@link #close()} stops it for good (until the next {@code reset()}).
 */
public final class AugmentingIterator implements DataSetIterator, AutoCloseable {

    /** Batches augmented ahead of the one training takes next. */
    public static final int DEFAULT_PREFETCH = 3;
    static final String THREAD_NAME_PREFIX = "augmenting-iterator-";

    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();
    private static final long HAND_OVER_POLL_MS = 50;
    private static final long STOP_TIMEOUT_MS = 10_000;
    private static final Produced END = new Produced(null, null);

    private final DataSetIterator base;
    private final AugmentationPipeline pipeline;
    private final int prefetch;
    private volatile DataSetPreProcessor preProcessor;

    private Producer producer;
    private Produced pending;
    private boolean finished;
    private long epochFirstBatch;
    private long deliveredThisEpoch;

    public AugmentingIterator(DataSetIterator base, AugmentationPipeline pipeline) {
        this(base, pipeline, DEFAULT_PREFETCH);
    }

    /** @param prefetch how many augmented batches may wait for training (at least 1) */
    public AugmentingIterator(DataSetIterator base, AugmentationPipeline pipeline, int prefetch) {
        if (base == null || pipeline == null) {
            throw new IllegalArgumentException("base iterator and pipeline must not be null");
        }
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1 batch, got " + prefetch);
        }
        this.base = base;
        this.pipeline = pipeline;
        this.prefetch = prefetch;
    }

    /**
     * Waits for the next augmented batch. An exception thrown while reading or augmenting (for
     * example a shape error) is thrown here.
     */
    @Override
    public boolean hasNext() {
        if (pending != null) {
            return true;
        }
        if (finished) {
            return false;
        }
        if (producer == null) {
            producer = new Producer(epochFirstBatch);
        }
        Produced item = producer.take();
        if (item == END) {
            finished = true;
            return false;
        }
        if (item.failure() != null) {
            finished = true;
            throw rethrowable(item.failure());
        }
        pending = item;
        return true;
    }

    @Override
    public DataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more batches in this epoch; call reset() to start the next one");
        }
        DataSet batch = pending.batch();
        pending = null;
        deliveredThisEpoch++;
        return batch;
    }

    /** Not supported: batches come at the base iterator's batch size. */
    @Override
    public DataSet next(int num) {
        throw new UnsupportedOperationException("AugmentingIterator delivers the base iterator's batches; "
                + "set the batch size on the base iterator instead of calling next(" + num + ")");
    }

    /** Stops the background thread, resets the base iterator and starts a new epoch. */
    @Override
    public void reset() {
        stopProducer();
        base.reset();
        epochFirstBatch += deliveredThisEpoch;
        deliveredThisEpoch = 0;
        finished = false;
    }

    /** Stops the background thread; {@code hasNext()} is false until the next {@link #reset()}. */
    @Override
    public void close() {
        stopProducer();
        finished = true;
    }

    @Override
    public boolean resetSupported() {
        return base.resetSupported();
    }

    /** False: this iterator prefetches by itself, so DL4J must not wrap it in another asynchronous iterator. */
    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public int inputColumns() {
        return base.inputColumns();
    }

    @Override
    public int totalOutcomes() {
        return base.totalOutcomes();
    }

    @Override
    public int batch() {
        return base.batch();
    }

    @Override
    public List<String> getLabels() {
        return base.getLabels();
    }

    /** Sets the preprocessor that runs after augmentation, in the background thread (e.g. a normalizer). */
    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    private void stopProducer() {
        if (producer != null) {
            producer.stop();
            producer = null;
        }
        pending = null;
    }

    private static RuntimeException rethrowable(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("reading or augmenting a batch failed: " + failure, failure);
    }

    /** A batch, a failure, or {@link #END}. */
    private record Produced(DataSet batch, Throwable failure) {
    }

    /** The background thread of one epoch: reads, augments and queues batches until the base runs out. */
    private final class Producer implements Runnable {

        private final BlockingQueue<Produced> queue = new ArrayBlockingQueue<>(prefetch);
        private final Thread thread;
        private volatile boolean stopped;
        private long nextBatchIndex;

        Producer(long firstBatchIndex) {
            this.nextBatchIndex = firstBatchIndex;
            this.thread = new Thread(this, THREAD_NAME_PREFIX + THREAD_NUMBERS.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            try {
                while (!stopped && base.hasNext()) {
                    DataSet batch = pipeline.apply(base.next(), nextBatchIndex++);
                    DataSetPreProcessor after = preProcessor;
                    if (after != null) {
                        after.preProcess(batch);
                    }
                    if (!handOver(new Produced(batch, null))) {
                        return;
                    }
                }
                handOver(END);
            } catch (Throwable failure) { // the consumer rethrows it from hasNext()
                handOver(new Produced(null, failure));
            }
        }

        /** Queues the item, waiting for room; false when stopped first. */
        private boolean handOver(Produced item) {
            try {
                while (!stopped) {
                    if (queue.offer(item, HAND_OVER_POLL_MS, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        Produced take() {
            try {
                while (true) {
                    Produced item = queue.poll(HAND_OVER_POLL_MS, TimeUnit.MILLISECONDS);
                    if (item != null) {
                        return item;
                    }
                    if (!thread.isAlive() && queue.isEmpty()) {
                        throw new IllegalStateException("the augmenting thread ended without handing over a batch");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next augmented batch", e);
            }
        }

        void stop() {
            stopped = true;
            queue.clear();
            try {
                thread.join(STOP_TIMEOUT_MS);
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(STOP_TIMEOUT_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                throw new IllegalStateException(thread.getName() + " did not stop within "
                        + 2 * STOP_TIMEOUT_MS / 1000 + " s; the base iterator's next() seems to block");
            }
        }
    }
}
