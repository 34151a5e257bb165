package io.github.nbworkbench.train;

import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * How a {@link Trainer} executes its epochs: {@link #local()} (the default, batch by batch in this
 * thread), {@link ParallelTraining} (DL4J's ParallelWrapper on this machine) or, in the optional
 * workbench-spark module, {@code SparkTraining}. The trainer checks the settings, resolves the
 * seed, the callbacks and the history, and hands them over as one {@link TrainingSettings}; every
 * strategy records the same {@link History} and calls the callbacks' epoch hooks.
 *
 * <pre>{@code
 * Trainer.of(net).epochs(3).metrics(Metric.ACCURACY).strategy(ParallelTraining.workers(2)).fit(data);
 * }</pre>
 */
public interface TrainingStrategy {

    /**
     * Batches each worker trains between two averagings of the parameters, for every strategy that
     * averages (ParallelWrapper and Spark parameter averaging). Each round restarts the workers from
     * the averaged parameters and updater state, and that cost accuracy even on a single worker: a
     * 670k-parameter perceptron on 12,000 Fashion-MNIST images, 2 epochs, Adam, reached 0.715
     * validation accuracy averaging every 5 batches and 0.814 every 50 on Spark local[1] (local
     * training: 0.841), 0.744 and 0.804 on local[2], and took about half the time (42.1 s against
     * 19.1 s; 22.3 s against 13.6 s).
     */
    int DEFAULT_AVERAGING_FREQUENCY = 50;

    /** Training in this JVM, one batch after the other: the default, and the only strategy with batch hooks, training metrics and resuming. */
    static TrainingStrategy local() {
        return LocalTraining.INSTANCE;
    }

    /** Trains {@code train} (and scores {@code validation}, which may be null) as {@code settings} say, and returns the settings' history filled in. */
    History fit(TrainingSettings settings, DataSetIterator train, DataSetIterator validation);

    /**
     * True when the strategy sees every batch: then it calls the callbacks' batch hooks, shows progress
     * per batch, computes training metrics and can resume from a checkpoint. Strategies whose workers
     * train out of sight record metrics on the validation data only, and the trainer refuses callbacks
     * with batch hooks for them.
     */
    boolean seesBatches();

    /** The run's title in progress displays when none was given, for a model of type {@code modelName}. */
    default String defaultTitle(String modelName) {
        return modelName + ", " + this;
    }
}
