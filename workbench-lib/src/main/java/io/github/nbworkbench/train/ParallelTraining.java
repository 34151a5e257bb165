package io.github.nbworkbench.train;

import org.deeplearning4j.parallelism.ParallelWrapper;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Data-parallel training on this machine with DL4J's {@link ParallelWrapper} in AVERAGING mode: each
 * of the workers' copies of the model trains on its own batches, and every
 * {@link #averagingFrequency} batches their parameters (and updater states) are averaged into the model.
 *
 * <pre>{@code
 * History history = Trainer.of(net).epochs(5).metrics(Metric.ACCURACY)
 *     .strategy(ParallelTraining.workers(2).averagingFrequency(5)).fit(data);
 * }</pre>
 *
 * <p>The workers train out of the trainer's sight, so: no batch hooks (the trainer refuses callbacks
 * that have them; epoch hooks such as {@link EarlyStopping} run), no per-batch progress, metrics on
 * the validation data only (as {@link Trainer#validationMetricsOnly()}), no resuming, and the loss is
 * the workers' mean score at the last averaging of the epoch. AVERAGING only: DL4J's other mode,
 * SHARED_GRADIENTS, deadlocked in 3 of 6 runs on this hardware. Results vary slightly from run to run,
 * because which worker gets which batch depends on timing. On a machine with few cores, give each
 * worker one thread ({@link io.github.nbworkbench.runtime.WorkbenchRuntime#threads(int)}).
 */
public final class ParallelTraining implements TrainingStrategy {

    private final int workers;
    private int averagingFrequency = DEFAULT_AVERAGING_FREQUENCY;
    private int prefetch = 2;

    private ParallelTraining(int workers) {
        this.workers = workers;
    }

    /** {@code workers} model copies training at once, 2 or more. */
    public static ParallelTraining workers(int workers) {
        if (workers < 2) {
            throw new IllegalArgumentException("ParallelWrapper needs 2 workers or more, got " + workers
                    + "; train on one with Trainer.of(model) and its default local strategy");
        }
        return new ParallelTraining(workers);
    }

    /** Batches each worker trains between two averagings (default {@value TrainingStrategy#DEFAULT_AVERAGING_FREQUENCY}). */
    public ParallelTraining averagingFrequency(int batches) {
        if (batches < 1) {
            throw new IllegalArgumentException("averagingFrequency must be 1 or more batches, got " + batches);
        }
        this.averagingFrequency = batches;
        return this;
    }

    /** Batches read ahead per worker (default 2). */
    public ParallelTraining prefetch(int batches) {
        if (batches < 1) {
            throw new IllegalArgumentException("prefetch must be 1 or more batches, got " + batches);
        }
        this.prefetch = batches;
        return this;
    }

    @Override
    public History fit(TrainingSettings settings, DataSetIterator train, DataSetIterator validation) {
        ParallelWrapper wrapper = new ParallelWrapper.Builder<>(settings.model().model())
                .workers(workers)
                .averagingFrequency(averagingFrequency)
                .prefetchBuffer(prefetch)
                .trainingMode(ParallelWrapper.TrainingMode.AVERAGING)
                .averageUpdaters(true)
                .reportScoreAfterAveraging(true)
                .build();
        try {
            return new ParallelTrainingRun(settings, wrapper, train, validation).run();
        } finally {
            wrapper.shutdown();
        }
    }

    @Override
    public boolean seesBatches() {
        return false;
    }

    @Override
    public String toString() {
        return "ParallelTraining (" + workers + " workers, averaging every " + averagingFrequency + " batches)";
    }
}
