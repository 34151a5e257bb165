package io.github.nbworkbench.train;

import io.github.nbworkbench.layers.InputGradients;
import io.github.nbworkbench.progress.EpochEnd;
import io.github.nbworkbench.progress.TrainingProgress;
import io.github.nbworkbench.progress.TrainingStart;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * What every training run shares, whatever strategy trains its epochs: the callbacks' epoch hooks,
 * the progress display, the history, the per-epoch seeding, validation, the learning rate and
 * stopping early. {@link #run} calls {@link #runEpoch} for each epoch until the last one or until a
 * callback stops training; a subclass trains one epoch there (in this thread, on ParallelWrapper's
 * workers or on Spark's) and ends it with {@link #recordEpoch}.
 */
public abstract class EpochRun implements TrainingContext {

    private final TrainableModel model;
    private final List<Callback> callbacks;
    private final TrainingProgress progress;
    private final long seed;
    private final int firstEpoch;
    private final int lastEpoch;
    private final History history;
    private final String title;
    private final DataSetIterator validation;
    private final List<Metric> validationMetrics;

    private int epoch;
    private String stopReason;

    /** A run of {@code settings}, scoring {@code validation} (or nothing when null) after every epoch. */
    protected EpochRun(TrainingSettings settings, DataSetIterator validation) {
        this.model = settings.model();
        this.callbacks = settings.callbacks();
        this.progress = settings.progress();
        this.seed = settings.seed();
        this.firstEpoch = settings.firstEpoch();
        this.lastEpoch = settings.lastEpoch();
        this.history = settings.history();
        this.title = settings.title();
        this.validation = validation;
        this.validationMetrics = settings.validationMetrics();
        this.epoch = firstEpoch - 1;
    }

    /**
     * Trains from the first epoch to the last, or until stopped; the history says why it stopped, if
     * early. Each epoch starts from random state derived from (seed, epoch) (see {@link Seeds}).
     */
    public final History run() {
        MonitorNames.check(callbacks, history);
        InputGradients.check(model.model());
        checkValidationData();
        beforeTraining();
        callbacks.forEach(callback -> callback.onTrainBegin(this));
        progress.start(new TrainingStart(title, firstEpoch, lastEpoch, batchesKnownAtStart(), history.metricNames()));
        try {
            for (int next = firstEpoch; next <= lastEpoch && stopReason == null; next++) {
                epoch = next;
                Seeds.seedEpoch(seed, next);
                runEpoch(next);
            }
        } catch (RuntimeException | Error e) {
            progress.end("failed in epoch " + epoch + ": " + e.getMessage());
            throw e;
        }
        callbacks.forEach(callback -> callback.onTrainEnd(this));
        history.setStopReason(stopReason);
        String restored = history.modelEpoch() != epoch ? "; the model holds the weights of epoch " + history.modelEpoch() : "";
        progress.end((stopReason == null ? "finished " + epoch + " epochs" : "stopped after epoch " + epoch + ": " + stopReason) + restored);
        return history;
    }

    /** Checks made before the callbacks see the run, after the validation data's; none by default. */
    protected void beforeTraining() {
    }

    private void checkValidationData() {
        if (validation == null) {
            return;
        }
        if (validation.resetSupported()) {
            validation.reset();
        }
        if (!validation.hasNext()) {
            throw new IllegalArgumentException("The validation iterator gives no batches");
        }
        PreFlight.check(model, validation.next());
        if (!validation.resetSupported()) {
            throw new IllegalArgumentException("The validation iterator cannot be reset (resetSupported() is false), "
                    + "so it cannot be read once per epoch; use one that can, e.g. an in-memory iterator");
        }
    }

    /** {@code val_loss} and the {@code val_} metrics on the validation data, or nothing when the run has none. */
    protected final Map<String, Double> validate() {
        return validation == null ? Map.of() : Validation.score(model, validation, validationMetrics);
    }

    /** Batches per epoch for the progress display at the start, or -1 when not known yet. */
    protected long batchesKnownAtStart() {
        return -1;
    }

    /** Trains epoch {@code number}: calls {@link #notifyEpochBegin}, trains, then {@link #recordEpoch}. */
    protected abstract void runEpoch(int number);

    protected final void notifyEpochBegin(int number) {
        callbacks.forEach(callback -> callback.onEpochBegin(this, number));
    }

    /**
     * Ends epoch {@code number}: adds the learning rate, the seconds since {@code startNanos} (training
     * and validation) and the samples per second of training to {@code values} (the loss, training
     * metrics and validation scores), appends them to the history, shows them, and calls the
     * callbacks' epoch end.
     */
    protected final void recordEpoch(int number, Map<String, Double> values, long examples, long startNanos, double trainingSeconds) {
        values.put(History.LEARNING_RATE, learningRate());
        values.put(History.SECONDS, (System.nanoTime() - startNanos) / 1e9);
        values.put(History.SAMPLES_PER_SECOND, examples / trainingSeconds);
        history.append(number, values);
        EpochValues epochValues = history.epochValues(number);
        progress.epoch(new EpochEnd(number, epochValues.values()));
        callbacks.forEach(callback -> callback.onEpochEnd(this, epochValues));
    }

    protected final List<Callback> callbacks() {
        return callbacks;
    }

    protected final TrainingProgress progress() {
        return progress;
    }

    protected final int firstEpoch() {
        return firstEpoch;
    }

    @Override
    public final Model model() {
        return model.model();
    }

    @Override
    public final TrainableModel trainable() {
        return model;
    }

    @Override
    public final History history() {
        return history;
    }

    @Override
    public final int epoch() {
        return epoch;
    }

    @Override
    public final int lastEpoch() {
        return lastEpoch;
    }

    @Override
    public final long seed() {
        return seed;
    }

    @Override
    public final double learningRate() {
        return model.learningRate().orElse(Double.NaN);
    }

    @Override
    public final void setLearningRate(double learningRate) {
        model.setLearningRate(learningRate);
    }

    @Override
    public final void showNote(String label, String text) {
        progress.note(label, text);
    }

    @Override
    public final void stopTraining(String reason) {
        if (stopReason == null) {
            stopReason = reason == null || reason.isBlank() ? "stopped by a callback" : reason;
        }
    }

    @Override
    public final boolean isStopRequested() {
        return stopReason != null;
    }
}
