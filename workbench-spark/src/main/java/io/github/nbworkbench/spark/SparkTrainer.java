package io.github.nbworkbench.spark;

import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.train.Callback;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Metric;
import io.github.nbworkbench.train.ProgressDisplays;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Trains a network on Apache Spark with DL4J's own Spark training, shaped like
 * {@link io.github.nbworkbench.train.Trainer}: model, data, validation, epochs, and the same
 * {@link History} table, one row per epoch. Parameter averaging by default; gradient sharing as an
 * option ({@link SparkTraining}).
 *
 * <pre>{@code
 * History history = SparkTrainer.of(net).master("local[2]").epochs(3)
 *     .validation(test.batchSize(500).iterator()).metrics(Metric.ACCURACY).fit(train);
 * }</pre>
 *
 * Without a master it runs in {@code local[N]} with N the machine's cores; {@code master("spark://host:7077")}
 * (or a context from {@code spark-submit}, {@link #sparkContext(JavaSparkContext)}) runs on a
 * cluster. Validation runs on the driver. A failed task fails the run with Spark's reason, and a
 * run that exceeds its {@link #timeout(Duration)} is cancelled rather than left hanging.
 */
public final class SparkTrainer {

    private final MultiLayerNetwork net;
    private String master;
    private JavaSparkContext context;
    private SparkTraining training = SparkTraining.parameterAveraging();
    private int epochs = 1;
    private DataSetIterator validation;
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Callback> callbacks = new ArrayList<>();
    private Duration timeout = Duration.ofHours(1);
    private long seed = 42;
    private boolean quiet;
    private String title;

    private SparkTrainer(MultiLayerNetwork net) {
        this.net = Objects.requireNonNull(net, "net");
        if (net.getLayers() == null) {
            throw new IllegalArgumentException("The network is not initialised; call init() first");
        }
    }

    public static SparkTrainer of(MultiLayerNetwork net) {
        return new SparkTrainer(net);
    }

    /** The Spark master: "local[2]", "spark://host:7077", "yarn"... (default: local[cores]). */
    public SparkTrainer master(String master) {
        this.master = Objects.requireNonNull(master, "master");
        return this;
    }

    /** Trains in an existing context, e.g. the one of a spark-submit job; it is left running. */
    public SparkTrainer sparkContext(JavaSparkContext context) {
        this.context = Objects.requireNonNull(context, "context");
        return this;
    }

    /** How the workers combine what they learn: parameter averaging (default) or gradient sharing. */
    public SparkTrainer training(SparkTraining training) {
        this.training = Objects.requireNonNull(training, "training");
        return this;
    }

    public SparkTrainer epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be 1 or more, got " + epochs);
        }
        this.epochs = epochs;
        return this;
    }

    /** Validation data, scored on the driver after every epoch (val_loss and val_ of each metric). */
    public SparkTrainer validation(DataSetIterator validation) {
        this.validation = Objects.requireNonNull(validation, "validation");
        return this;
    }

    public SparkTrainer metrics(Metric... metrics) {
        this.metrics.addAll(List.of(metrics));
        return this;
    }

    /**
     * Callbacks called on the driver at the start and end of training and of every epoch:
     * {@code EarlyStopping}, {@code ModelCheckpoint}, {@code CsvLogger}, {@code ReduceLROnPlateau}
     * and the like. The workers train the batches out of the driver's sight, so a callback with
     * batch hooks (a per-batch learning-rate schedule, {@code TerminateOnNaN}) is refused.
     */
    public SparkTrainer callbacks(Callback... callbacks) {
        for (Callback callback : callbacks) {
            List<String> batchHooks = batchHooksOf(Objects.requireNonNull(callback, "callback"));
            if (!batchHooks.isEmpty()) {
                throw new IllegalArgumentException(callback.getClass().getSimpleName() + " acts on batches (" + String.join(", ", batchHooks)
                        + "), which SparkTrainer cannot call: the Spark workers train the batches. Use callbacks that act at the end"
                        + " of an epoch (EarlyStopping, ModelCheckpoint, CsvLogger, ReduceLROnPlateau), or train with Trainer");
            }
            this.callbacks.add(callback);
        }
        return this;
    }

    private static List<String> batchHooksOf(Callback callback) {
        List<String> hooks = new ArrayList<>();
        for (String hook : List.of("onBatchBegin", "onBatchEnd")) {
            boolean overridden = Arrays.stream(callback.getClass().getMethods())
                    .anyMatch(method -> method.getName().equals(hook) && method.getDeclaringClass() != Callback.class);
            if (overridden) {
                hooks.add(hook);
            }
        }
        return hooks;
    }

    /** The longest the whole run may take before it is cancelled (default one hour). */
    public SparkTrainer timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    /** Seed of the order in which the examples are split among the workers. */
    public SparkTrainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    public SparkTrainer quiet() {
        this.quiet = true;
        return this;
    }

    public SparkTrainer title(String title) {
        this.title = title;
        return this;
    }

    /** Trains on {@code train} for the set epochs; the network passed to {@link #of} holds the trained parameters. */
    public History fit(LabeledDataset train) {
        Objects.requireNonNull(train, "train");
        JavaSparkContext sc = context != null ? context : new JavaSparkContext(new SparkConf()
                .setMaster(master != null ? master : "local[" + Runtime.getRuntime().availableProcessors() + "]")
                .setAppName(title != null ? title : "workbench SparkTrainer")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false"));
        ExecutorService driver = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "spark-trainer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<History> run = driver.submit(() -> train(sc, train));
            try {
                return run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                sc.cancelAllJobs();
                run.cancel(true);
                throw new IllegalStateException("Spark training (" + training + ") did not finish within " + timeout + "; its jobs were cancelled."
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

    private History train(JavaSparkContext sc, LabeledDataset train) {
        TrainingMaster<?, ?> master = training.trainingMaster();
        SparkDl4jMultiLayer sparkNet = new SparkDl4jMultiLayer(sc, net, master);
        List<DataSet> batches = batches(train, training.batchSizePerWorker());
        JavaRDD<DataSet> examples = sc.parallelize(batches, sc.defaultParallelism());
        SparkTrainingRun run = new SparkTrainingRun(sparkNet, examples, batches.size(), train.size(), training.reportsTrainingLoss(),
                validation, metrics, callbacks, ProgressDisplays.forRun(quiet), seed, epochs);
        try {
            return run.run(title != null ? title : "Spark " + sc.master() + ", " + training);
        } finally {
            master.deleteTempFiles(sc);
        }
    }

    /** The data in minibatches of the workers' batch size, shuffled once with the seed. */
    private List<DataSet> batches(LabeledDataset train, int batchSize) {
        List<DataSet> batches = new ArrayList<>();
        DataSetIterator iterator = train.batchSize(batchSize).shuffle(seed).iterator();
        while (iterator.hasNext()) {
            org.nd4j.linalg.dataset.api.DataSet batch = iterator.next();
            batches.add(new DataSet(batch.getFeatures().dup(), batch.getLabels().dup()));
        }
        return batches;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error.getMessage()) : error.getMessage() + " (cause: " + root + ")";
    }
}
