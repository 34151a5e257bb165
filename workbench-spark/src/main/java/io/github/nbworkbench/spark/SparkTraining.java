package io.github.nbworkbench.spark;

import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.TrainingSettings;
import io.github.nbworkbench.train.TrainingStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.TrainingMaster;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.deeplearning4j.spark.parameterserver.training.SharedTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.parameterserver.distributed.conf.VoidConfiguration;

/**
 * Training on Apache Spark with DL4J's own Spark training, as a strategy of the one
 * {@link io.github.nbworkbench.train.Trainer}: the same settings, epoch callbacks and {@link History}.
 * The workers combine what they learn by {@link #parameterAveraging()} (each fits its share for a few
 * batches, then the parameters are averaged; simple and reliable) or {@link #gradientSharing()}
 * (quantized gradient updates through DL4J's Aeron-based parameter server; less traffic on big models).
 *
 * <pre>{@code
 * History history = Trainer.of(net).epochs(3).metrics(Metric.ACCURACY)
 *     .strategy(SparkTraining.parameterAveraging().master("local[2]")).fit(data);
 * }</pre>
 *
 * <p>Without a master it runs in {@code local[N]} with N the machine's cores;
 * {@code master("spark://host:7077")} (or a context from {@code spark-submit},
 * {@link #sparkContext(JavaSparkContext)}) runs on a cluster. The driver reads one pass of the
 * training iterator and ships its batches to the workers, which regroup them into batches of
 * {@link #batchSizePerWorker(int)}. The workers train out of the driver's sight, so: epoch hooks run
 * on the driver, callbacks with batch hooks are refused, metrics are computed on the validation data
 * only (on the driver), there is no per-batch progress and no resuming. A failed task fails the run
 * with Spark's reason, and a run that exceeds its {@link #timeout(Duration)} is cancelled rather than
 * left hanging. MultiLayerNetworks only.
 */
public final class SparkTraining implements TrainingStrategy {

    /** Gradient sharing: DL4J trainer threads per executor JVM; more than one can deadlock (see {@link #gradientSharing()}). */
    private static final int TRAINERS_PER_EXECUTOR = 1;

    private final boolean sharing;
    private int batchSizePerWorker = 32;
    private int averagingFrequency = DEFAULT_AVERAGING_FREQUENCY;
    private String master;
    private JavaSparkContext context;
    private Duration timeout = Duration.ofHours(1);

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

    /** The Spark master: "local[2]", "spark://host:7077", "yarn"... (default: local[cores]). */
    public SparkTraining master(String master) {
        this.master = Objects.requireNonNull(master, "master");
        return this;
    }

    /** Trains in an existing context, e.g. the one of a spark-submit job; it is left running. */
    public SparkTraining sparkContext(JavaSparkContext context) {
        this.context = Objects.requireNonNull(context, "context");
        return this;
    }

    /** The longest the whole run may take before it is cancelled (default one hour). */
    public SparkTraining timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    /** Examples per worker per step (default 32). */
    public SparkTraining batchSizePerWorker(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size per worker must be 1 or more, got " + batchSize);
        }
        this.batchSizePerWorker = batchSize;
        return this;
    }

    /** Parameter averaging: batches each worker fits between two averagings (default {@value TrainingStrategy#DEFAULT_AVERAGING_FREQUENCY}). */
    public SparkTraining averagingFrequency(int batches) {
        if (batches < 1) {
            throw new IllegalArgumentException("The averaging frequency must be 1 batch or more, got " + batches);
        }
        this.averagingFrequency = batches;
        return this;
    }

    @Override
    public boolean seesBatches() {
        return false;
    }

    @Override
    public History fit(TrainingSettings settings, DataSetIterator train, DataSetIterator validation) {
        if (!(settings.model().model() instanceof MultiLayerNetwork net)) {
            throw new IllegalArgumentException("SparkTraining trains a MultiLayerNetwork, not a "
                    + settings.model().model().getClass().getSimpleName() + "; train a ComputationGraph with the local strategy");
        }
        JavaSparkContext sc = context != null ? context : new JavaSparkContext(new SparkConf()
                .setMaster(master != null ? master : "local[" + Runtime.getRuntime().availableProcessors() + "]")
                .setAppName(settings.title())
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false"));
        ExecutorService driver = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "spark-trainer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<History> run = driver.submit(() -> train(sc, net, settings, train, validation));
            try {
                return run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                sc.cancelAllJobs();
                run.cancel(true);
                throw new IllegalStateException("Spark training (" + describe() + ") did not finish within " + timeout + "; its jobs were cancelled."
                        + " Give a longer timeout(...) if the data needs it, or look at the Spark logs for a stuck executor", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw new IllegalStateException("Spark training failed: " + rootMessage(cause), cause);
            } catch (InterruptedException e) {
                sc.cancelAllJobs();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while training on Spark; its jobs were cancelled", e);
            }
        } finally {
            driver.shutdownNow();
            if (context == null) {
                sc.stop();
            }
        }
    }

    private History train(JavaSparkContext sc, MultiLayerNetwork net, TrainingSettings settings, DataSetIterator train,
            DataSetIterator validation) {
        TrainingMaster<?, ?> trainingMaster = trainingMaster();
        SparkDl4jMultiLayer sparkNet = new SparkDl4jMultiLayer(sc, net, trainingMaster);
        List<DataSet> batches = onePass(train);
        JavaRDD<DataSet> rdd = sc.parallelize(batches, sc.defaultParallelism());
        long examples = batches.stream().mapToLong(DataSet::numExamples).sum();
        try {
            return new SparkTrainingRun(settings, sparkNet, rdd, batches.size(), examples, !sharing, validation).run();
        } finally {
            trainingMaster.deleteTempFiles(sc);
        }
    }

    /** The batches of one pass over {@code train}, copied so that they can be serialised to the workers. */
    private static List<DataSet> onePass(DataSetIterator train) {
        if (train.resetSupported()) {
            train.reset();
        }
        List<DataSet> batches = new ArrayList<>();
        while (train.hasNext()) {
            org.nd4j.linalg.dataset.api.DataSet batch = train.next();
            batches.add(new DataSet(batch.getFeatures().dup(), batch.getLabels().dup()));
        }
        if (batches.isEmpty()) {
            throw new IllegalArgumentException("The training iterator gives no batches");
        }
        return batches;
    }

    private TrainingMaster<?, ?> trainingMaster() {
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

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error.getMessage()) : error.getMessage() + " (cause: " + root + ")";
    }

    @Override
    public String defaultTitle(String modelName) {
        return modelName + ", Spark " + (context != null ? context.master() : master != null ? master : "local[cores]") + ", " + describe();
    }

    private String describe() {
        return sharing ? "gradient sharing, batch " + batchSizePerWorker + " per worker"
                : "parameter averaging every " + averagingFrequency + " batches of " + batchSizePerWorker + " per worker";
    }

    @Override
    public String toString() {
        return "SparkTraining (" + describe() + ")";
    }
}
