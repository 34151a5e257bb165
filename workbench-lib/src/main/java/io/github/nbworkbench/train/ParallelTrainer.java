package io.github.nbworkbench.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Data-parallel training on one machine with DL4J's {@link ParallelWrapper} in AVERAGING mode:
 * each of {@code workers} copies of the model trains on its own batches, and every
 * {@code averagingFrequency} batches their parameters (and updater states) are averaged into the
 * model. Records the same {@link History} as {@link Trainer}, one row per epoch.
 *
 * <pre>{@code
 * History history = ParallelTrainer.of(net).workers(2).averagingFrequency(5).epochs(5)
 *     .validation(validationBatches).metrics(Metric.ACCURACY).fit(trainBatches);
 * }</pre>
 *
 * AVERAGING only: DL4J's other mode, SHARED_GRADIENTS, deadlocked in 3 of 6 runs on this hardware.
 * No callbacks and no per-batch progress (the workers train out of sight of this loop); the loss
 * is the workers' mean score at the last averaging of the epoch. Results vary slightly from run to
 * run, because which worker gets which batch depends on timing. On a machine with few cores, give
 * each worker one thread ({@link io.github.nbworkbench.runtime.WorkbenchRuntime#threads(int)}).
 */
public final class ParallelTrainer {

    public static final int DEFAULT_AVERAGING_FREQUENCY = 5;

    private final TrainableModel model;
    private int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
    private int averagingFrequency = DEFAULT_AVERAGING_FREQUENCY;
    private int prefetch = 2;
    private int epochs = 1;
    private DataSetIterator validation;
    private final List<Metric> metrics = new ArrayList<>();
    private boolean quiet;
    private String title;

    private ParallelTrainer(TrainableModel model) {
        this.model = model;
    }

    /** A parallel trainer for an initialised MultiLayerNetwork or ComputationGraph. */
    public static ParallelTrainer of(Model model) {
        return new ParallelTrainer(TrainableModel.of(model));
    }

    /** Model copies training at once, 2 or more (default: one per core, at least 2). */
    public ParallelTrainer workers(int workers) {
        if (workers < 2) {
            throw new IllegalArgumentException("ParallelWrapper needs 2 workers or more, got " + workers
                    + "; train on one with Trainer.of(model)");
        }
        this.workers = workers;
        return this;
    }

    /** Batches each worker trains between two averagings (default {@value #DEFAULT_AVERAGING_FREQUENCY}). */
    public ParallelTrainer averagingFrequency(int batches) {
        if (batches < 1) {
            throw new IllegalArgumentException("averagingFrequency must be 1 or more batches, got " + batches);
        }
        this.averagingFrequency = batches;
        return this;
    }

    /** Batches read ahead per worker (default 2). */
    public ParallelTrainer prefetch(int batches) {
        if (batches < 1) {
            throw new IllegalArgumentException("prefetch must be 1 or more batches, got " + batches);
        }
        this.prefetch = batches;
        return this;
    }

    public ParallelTrainer epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        this.epochs = epochs;
        return this;
    }

    /** Data scored after every epoch (val_loss and the val_ metrics). */
    public ParallelTrainer validation(DataSetIterator validation) {
        this.validation = Objects.requireNonNull(validation, "validation");
        return this;
    }

    /** Metrics recorded on the validation data (the workers' training batches are not scored). */
    public ParallelTrainer metrics(Metric... metrics) {
        for (Metric metric : metrics) {
            this.metrics.add(Objects.requireNonNull(metric, "metric"));
        }
        return this;
    }

    public ParallelTrainer quiet() {
        this.quiet = true;
        return this;
    }

    public ParallelTrainer title(String title) {
        this.title = title;
        return this;
    }

    /** Trains for {@link #epochs} passes over {@code train} and returns the history. */
    public History fit(DataSetIterator train) {
        Objects.requireNonNull(train, "train");
        if (epochs > 1 && !train.resetSupported()) {
            throw new IllegalArgumentException("The training iterator cannot be reset, so it can give one epoch only; use .epochs(1)");
        }
        String runTitle = title != null ? title : "ParallelWrapper, " + workers + " worker" + (workers == 1 ? "" : "s");
        ParallelWrapper wrapper = new ParallelWrapper.Builder<>(model.model())
                .workers(workers)
                .averagingFrequency(averagingFrequency)
                .prefetchBuffer(prefetch)
                .trainingMode(ParallelWrapper.TrainingMode.AVERAGING)
                .averageUpdaters(true)
                .reportScoreAfterAveraging(true)
                .build();
        try {
            return new ParallelTrainingRun(model, wrapper, train, validation, List.copyOf(metrics), ProgressDisplays.forRun(quiet), epochs)
                    .run(runTitle);
        } finally {
            wrapper.shutdown();
        }
    }
}
