package io.github.nbworkbench.train;

import io.github.nbworkbench.progress.TrainingProgress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fits a MultiLayerNetwork or ComputationGraph the way Keras' {@code fit} does, and returns the
 * {@link History}:
 *
 * <pre>{@code
 * History history = Trainer.of(net).epochs(10).validation(testIter).metrics(Metric.ACCURACY)
 *         .callbacks(new EarlyStopping("val_loss").patience(3).restoreBestWeights())
 *         .fit(trainIter);
 * }</pre>
 *
 * <p>Each epoch: the random state is reseeded from (run seed, epoch) (see {@link Seeds}), the
 * training iterator is reset, every batch is one {@code fit(DataSet)} step, then the validation data
 * is scored in inference mode. Recorded: the mean training loss (DL4J's score after each step,
 * weighted by batch size; for sequence labels divided by the unmasked time steps, so the loss is per
 * token like bits per character), {@code val_loss} (the same loss function, inference mode), each metric
 * and its {@code val_} twin, the learning rate, the epoch's seconds and training samples per second.
 *
 * <p>Training metrics are computed from an inference-mode forward pass over each batch just before
 * its training step (the weights the step starts from, without dropout); this costs about a third
 * of a training step per batch, and only when metrics are asked for ({@link #validationMetricsOnly()}
 * saves it). Validation metrics take a second forward pass besides the one for {@code val_loss}.
 *
 * <p>Before the first step the first batch goes through the model once: a model whose input or
 * output does not fit the data fails with a {@link ModelDataMismatchException} naming both shapes
 * and the fix. A NaN or infinite loss stops training by default ({@link TerminateOnNaN}).
 */
public final class Trainer {

    private final TrainableModel model;
    private int epochs = 1;
    private DataSetIterator validation;
    private final List<Metric> metrics = new ArrayList<>();
    private boolean validationMetricsOnly;
    private final List<Callback> callbacks = new ArrayList<>();
    private TrainingProgress progress;
    private boolean quiet;
    private boolean allowNaN;
    private Long seed;
    private Path resumeFrom;
    private String title;

    private Trainer(TrainableModel model) {
        this.model = model;
    }

    /** A trainer for {@code model}, an initialised MultiLayerNetwork or single-input, single-output ComputationGraph. */
    public static Trainer of(Model model) {
        return new Trainer(TrainableModel.of(model));
    }

    /** The epoch to train up to (1 by default); on a resumed run, epochs already in the checkpoint count, as Keras' {@code epochs} with {@code initial_epoch}. */
    public Trainer epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        this.epochs = epochs;
        return this;
    }

    /** Data scored after every epoch (val_loss and the val_ metrics); it must support reset(). */
    public Trainer validation(DataSetIterator validation) {
        this.validation = Objects.requireNonNull(validation, "validation");
        return this;
    }

    /** Metrics to record for the training and the validation data, e.g. {@link Metric#ACCURACY}. */
    public Trainer metrics(Metric... metrics) {
        for (Metric metric : metrics) {
            this.metrics.add(Objects.requireNonNull(metric, "metric"));
        }
        return this;
    }

    /**
     * Computes the metrics on the validation data only: the history has their {@code val_} columns
     * and no training ones. Saves the extra forward pass per training batch that training metrics
     * cost, which matters for recurrent networks on long sequences.
     */
    public Trainer validationMetricsOnly() {
        this.validationMetricsOnly = true;
        return this;
    }

    /** Callbacks, called in the order given (after one another across calls). */
    public Trainer callbacks(Callback... callbacks) {
        for (Callback callback : callbacks) {
            this.callbacks.add(Objects.requireNonNull(callback, "callback"));
        }
        return this;
    }

    /**
     * The run's seed: every epoch starts from random state derived from (seed, epoch). Without it the
     * trainer draws one from ND4J's generator, so {@link Seeds#seedEverything} before {@code fit} also
     * makes the run repeatable.
     */
    public Trainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Shows progress on {@code display} instead of the one found through {@link io.github.nbworkbench.progress.TrainingProgressProvider}. */
    public Trainer progress(TrainingProgress display) {
        this.progress = Objects.requireNonNull(display, "display");
        this.quiet = false;
        return this;
    }

    /** Shows no progress at all. */
    public Trainer quiet() {
        this.quiet = true;
        return this;
    }

    /** A name for the run in progress displays. */
    public Trainer title(String title) {
        this.title = title;
        return this;
    }

    /** Keeps training when the loss becomes NaN or infinite (no default {@link TerminateOnNaN}). */
    public Trainer allowNaN() {
        this.allowNaN = true;
        return this;
    }

    /**
     * Continues the run saved in {@code checkpoint} (see {@link Checkpoint}, {@link ModelCheckpoint}):
     * its parameters, updater state, counts and learning rate are copied into this trainer's network
     * (built from the same configuration), its history is continued, and training starts at the next
     * epoch with the same seed, so the result equals a run that never stopped.
     */
    public Trainer resumeFrom(Path checkpoint) {
        this.resumeFrom = Objects.requireNonNull(checkpoint, "checkpoint");
        return this;
    }

    /** The network this trainer trains, through the adapter. */
    public TrainableModel model() {
        return model;
    }

    /** Trains on {@code train} up to {@link #epochs} and returns the history (also when a callback stopped the run early). */
    public History fit(DataSetIterator train) {
        Objects.requireNonNull(train, "train");
        checkMetricNames();
        if (validationMetricsOnly && validation == null) {
            throw new IllegalArgumentException("validationMetricsOnly() needs validation data: add .validation(iterator)");
        }
        History history;
        int firstEpoch;
        long runSeed;
        if (resumeFrom != null) {
            Checkpoint.deleteLeftoverWrites(resumeFrom);
            Checkpoint checkpoint = Checkpoint.load(resumeFrom);
            if (seed != null && seed != checkpoint.seed()) {
                throw new IllegalArgumentException("The checkpoint's run used seed " + checkpoint.seed() + ", not " + seed
                        + "; drop .seed(...) to resume it exactly");
            }
            if (checkpoint.epoch() >= epochs) {
                throw new IllegalArgumentException("The checkpoint " + resumeFrom + " is already at epoch " + checkpoint.epoch()
                        + "; .epochs(n) counts all epochs of the run, so ask for more than " + checkpoint.epoch());
            }
            checkHistoryColumns(checkpoint.history());
            checkpoint.restoreInto(model);
            history = checkpoint.history();
            firstEpoch = checkpoint.epoch() + 1;
            runSeed = checkpoint.seed();
        } else {
            history = newHistory();
            firstEpoch = 1;
            runSeed = seed != null ? seed : Nd4j.getRandom().nextLong();
        }
        if (epochs > firstEpoch && !train.resetSupported()) {
            throw new IllegalArgumentException("The training iterator cannot be reset (resetSupported() is false), so it can give one epoch only;"
                    + " use .epochs(1) or an iterator that can be reset");
        }
        return new TrainingLoop(model, train, validation, validationMetricsOnly ? List.of() : List.copyOf(metrics), List.copyOf(metrics),
                allCallbacks(), display(), runSeed, firstEpoch, epochs, history).run(title());
    }

    private List<Callback> allCallbacks() {
        List<Callback> all = new ArrayList<>(callbacks);
        if (!allowNaN && all.stream().noneMatch(TerminateOnNaN.class::isInstance)) {
            all.add(0, new TerminateOnNaN());
        }
        return all;
    }

    private TrainingProgress display() {
        if (quiet) {
            return ProgressDisplays.NONE;
        }
        return ProgressDisplays.guarded(progress != null ? progress : ProgressDisplays.discover());
    }

    private String title() {
        return title != null ? title : model.model().getClass().getSimpleName();
    }

    private History newHistory() {
        List<String> names = metrics.stream().map(Metric::name).toList();
        return History.of(validationMetricsOnly ? List.of() : names, validation != null ? names : null);
    }

    private void checkMetricNames() {
        Set<String> names = new HashSet<>();
        for (Metric metric : metrics) {
            if (!names.add(metric.name())) {
                throw new IllegalArgumentException("The metric '" + metric.name() + "' is listed twice");
            }
        }
    }

    private void checkHistoryColumns(History saved) {
        History expected = newHistory();
        if (!saved.columnNames().equals(expected.columnNames())) {
            throw new IllegalArgumentException("The checkpoint's history has the columns " + saved.columnNames()
                    + " but this trainer records " + expected.columnNames()
                    + ": resume with the same metrics and validation as the run that wrote it");
        }
    }

    @Override
    public String toString() {
        return "Trainer[" + model.model().getClass().getSimpleName() + ", epochs=" + epochs + ", metrics="
                + Arrays.toString(metrics.stream().map(Metric::name).toArray()) + ", callbacks=" + callbacks.size() + "]";
    }
}
