package io.github.nbworkbench.spark;

import org.deeplearning4j.spark.api.TrainingMaster;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.deeplearning4j.spark.parameterserver.training.SharedTrainingMaster;
import org.nd4j.parameterserver.distributed.conf.VoidConfiguration;

/**
 * How Spark workers combine what they learn, as DL4J's training masters:
 * {@link #parameterAveraging()} (each worker fits its share for a few batches, then the parameters
 * are averaged; simple and reliable) or {@link #gradientSharing()} (workers exchange quantized
 * gradient updates through DL4J's Aeron-based parameter server; less traffic on big models).
 */
public final class SparkTraining {

    private final boolean sharing;
    private int batchSizePerWorker = 32;
    /**
     * Batches between two averagings, by default. Each round restarts the workers from the driver's
     * parameters and updater state, and that cost accuracy here even on a single worker: a 670k-parameter
     * perceptron on 12,000 Fashion-MNIST images, 2 epochs, Adam, reached 0.715 validation accuracy
     * averaging every 5 batches and 0.814 every 50 on local[1] (the plain Trainer: 0.841), 0.744 and 0.804
     * on local[2], and took about half the time (42.1 s against 19.1 s; 22.3 s against 13.6 s).
     */
    public static final int DEFAULT_AVERAGING_FREQUENCY = 50;

    private int averagingFrequency = DEFAULT_AVERAGING_FREQUENCY;

    /** Gradient sharing: DL4J trainer threads per executor JVM; more than one can deadlock (see {@link #gradientSharing()}). */
    private static final int TRAINERS_PER_EXECUTOR = 1;

    private SparkTraining(boolean sharing) {
        this.sharing = sharing;
    }

    public static SparkTraining parameterAveraging() {
        return new SparkTraining(false);
    }

    /**
     * Gradient sharing. It needs {@code -Daeron.publication.unblock.timeout=60000000000} on the JVM (docs/architecture.md).
     * The History's loss column stays empty: DL4J does not report the workers' loss in this mode.
     * In DL4J M2 each Spark task trains one exported minibatch and starts and stops a ParallelWrapper
     * around it, so on a small model it is far slower than averaging (about 80 samples/s on 2 local
     * workers here); it pays on clusters with models large enough that averaging's traffic dominates.
     *
     * <p>Each executor JVM trains with one DL4J trainer thread, and the executors share gradients
     * with each other. DL4J's default of a trainer per core deadlocks intermittently in M2: its first
     * trainer fits the executor's network while holding the network's lock and waits for the others'
     * first gradients, while a second trainer, still copying that network, waits for the lock (seen
     * in a thread dump here, where one of the first two runs hung until its timeout).
     */
    public static SparkTraining gradientSharing() {
        return new SparkTraining(true);
    }

    /** Examples per worker per step (default 32). */
    public SparkTraining batchSizePerWorker(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size per worker must be 1 or more, got " + batchSize);
        }
        this.batchSizePerWorker = batchSize;
        return this;
    }

    /** Parameter averaging: batches each worker fits between two averagings (default {@value #DEFAULT_AVERAGING_FREQUENCY}). */
    public SparkTraining averagingFrequency(int batches) {
        if (batches < 1) {
            throw new IllegalArgumentException("The averaging frequency must be 1 batch or more, got " + batches);
        }
        this.averagingFrequency = batches;
        return this;
    }

    /** DL4J's gradient sharing does not bring the workers' loss back to the driver (its score stays 0). */
    boolean reportsTrainingLoss() {
        return !sharing;
    }

    int batchSizePerWorker() {
        return batchSizePerWorker;
    }

    TrainingMaster<?, ?> trainingMaster() {
        if (sharing) {
            VoidConfiguration voidConfiguration = VoidConfiguration.builder()
                    .unicastPort(40123)
                    .networkMask("127.0.0.0/8")
                    .controllerAddress("127.0.0.1")
                    .build();
            return new SharedTrainingMaster.Builder(voidConfiguration, batchSizePerWorker)
                    .batchSizePerWorker(batchSizePerWorker)
                    .workersPerNode(TRAINERS_PER_EXECUTOR)
                    .build();
        }
        return new ParameterAveragingTrainingMaster.Builder(batchSizePerWorker)
                .batchSizePerWorker(batchSizePerWorker)
                .averagingFrequency(averagingFrequency)
                // no prefetch thread: it was no faster here (local[2] on 6,000 images: 9.2 s without, 11.5 s
                // with 2 batches), and when a task fails it dies printing the interrupted file read
                .workerPrefetchNumBatches(0)
                .build();
    }

    @Override
    public String toString() {
        return sharing ? "gradient sharing, batch " + batchSizePerWorker + " per worker"
                : "parameter averaging every " + averagingFrequency + " batches of " + batchSizePerWorker + " per worker";
    }
}
