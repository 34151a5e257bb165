package io.github.nbworkbench.train;

import io.github.nbworkbench.data.TrainingData;
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
 * History history = Trainer.of(net).epochs(10).metrics(Metric.ACCURACY)
 *         .callbacks(new EarlyStopping("val_loss").patience(3).restoreBestWeights())
 *         .fit(data);                                   // TrainingData: its training and validation parts
 * Trainer.of(net).validation(testIter).fit(trainIter);  // or iterators by hand
 * }</pre>
 *
 * <p>Whatever executes the epochs is a {@link TrainingStrategy}: {@link TrainingStrategy#local()}
 * by default, {@link ParallelTraining} on this machine's cores, or {@code SparkTraining} from the
 * workbench-spark module. The settings, defaults, callbacks' epoch hooks, progress, errors and
 * History columns are the same for all; a strategy whose workers train the batches out of sight
 * computes metrics on the validation data only (as {@link #validationMetricsOnly()}), refuses
 * callbacks with batch hooks, and cannot resume from a checkpoint.
 *
 * <p>Locally, each epoch: the random state is reseeded from (run seed, epoch) (see {@link Seeds}), the
 * training iterator is reset, every batch is one {@code fit(DataSet)} step (or every n batches one step
 * of their summed gradients, with {@link #accumulateGradients}), then the validation data
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
 * and the fix (the validation data's first batch is checked so by every strategy). A NaN or
 * infinite loss stops training by default ({@link TerminateOnNaN}: per batch locally, from the
 * parameters after each epoch elsewhere).
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
    private TrainingStrategy strategy = TrainingStrategy.local();
    private int batchesPerStep = 1;

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

    /**
     * Data scored after every epoch (val_loss and the val_ metrics); it must support reset(). For
     * {@link #fit(TrainingData)}, which takes the validation part of the data, leave it out.
     */
    public Trainer validation(DataSetIterator validation) {
        this.validation = Objects.requireNonNull(validation, "validation");
        return this;
    }

    /**
     * Metrics to record for the training and the validation data, e.g. {@link Metric#ACCURACY}; for
     * the validation data only with a strategy that does not see the batches (it then needs validation data).
     */
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

    /**
     * Callbacks, called in the order given (after one another across calls). Epoch hooks run with
     * every strategy; a callback with batch hooks is refused by a strategy that does not see the batches.
     */
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

    /** How the epochs are executed (default {@link TrainingStrategy#local()}): e.g. {@code ParallelTraining.workers(2)}. */
    public Trainer strategy(TrainingStrategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        return this;
    }

    /**
     * Sums the gradients of {@code batches} consecutive batches and applies them as one optimizer step:
     * the update one batch {@code batches} times larger would give (the same mean gradient into the
     * same updater step), with the memory of one small batch. 1, the default, steps after every batch.
     *
     * <pre>{@code
     * Trainer.of(net).accumulateGradients(4).fit(data.trainSet().batchSize(32).iterator());  // steps as with batches of 128
     * }</pre>
     *
     * <p>Callbacks' batch hooks, the progress display and {@link TrainingContext#batchesPerEpoch()}
     * count optimizer steps, each covering up to {@code batches} batches (the last step of an epoch
     * takes the batches that are left), and so does the network's iteration count, which DL4J's own
     * schedules follow; the History's loss and samples per second cover every example. Exact for
     * networks without batch normalisation or dropout (within float rounding); with batch normalisation each
     * small batch is still normalised with its own statistics. Local training only, and not with
     * truncated BPTT (which steps per segment of a sequence).
     */
    public Trainer accumulateGradients(int batches) {
        if (batches < 1) {
            throw new IllegalArgumentException("accumulateGradients takes the number of batches per optimizer step, 1 or more"
                    + " (1 steps after every batch), got " + batches);
        }
        this.batchesPerStep = batches;
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
     * epoch with the same seed, so the result equals a run that never stopped. Local strategy only.
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
        return fit(Objects.requireNonNull(train, "train"), validation);
    }

    /**
     * Trains on {@code data}'s training part and validates on its validation part after every epoch.
     * Refused together with {@link #validation(DataSetIterator)}: the data brings its validation part.
     */
    public History fit(TrainingData data) {
        Objects.requireNonNull(data, "data");
        if (validation != null) {
            throw new IllegalArgumentException("The TrainingData brings its own validation part; drop .validation(...),"
                    + " or fit on iterators: .validation(iterator).fit(data.train())");
        }
        return fit(data.train(), data.validation());
    }

    private History fit(DataSetIterator train, DataSetIterator validation) {
        checkMetricNames();
        checkFitsStrategy(validation);
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
            checkHistoryColumns(checkpoint.history(), validation != null);
            checkpoint.restoreInto(model);
            history = checkpoint.history();
            firstEpoch = checkpoint.epoch() + 1;
            runSeed = checkpoint.seed();
        } else {
            history = newHistory(validation != null);
            firstEpoch = 1;
            runSeed = seed != null ? seed : Nd4j.getRandom().nextLong();
        }
        if (epochs > firstEpoch && !train.resetSupported()) {
            throw new IllegalArgumentException("The training iterator cannot be reset (resetSupported() is false), so it can give one epoch only;"
                    + " use .epochs(1) or an iterator that can be reset");
        }
        TrainingSettings settings = new TrainingSettings(model, firstEpoch, epochs, runSeed, trainingMetrics(), List.copyOf(metrics),
                allCallbacks(), display(), title(), history, batchesPerStep);
        return strategy.fit(settings, train, validation);
    }

    /** Refuses what {@link #strategy} cannot do, before anything is trained: batch hooks, training metrics, resuming, accumulating gradients. */
    private void checkFitsStrategy(DataSetIterator validation) {
        if (strategy.seesBatches()) {
            return;
        }
        if (batchesPerStep > 1) {
            throw new IllegalArgumentException(strategy + " cannot accumulate gradients: each of its workers fits its own batches"
                    + " with DL4J's fit, one optimizer step per batch, out of the trainer's sight. Accumulate with the local strategy"
                    + " (drop .strategy(...)), or drop .accumulateGradients(...) and give the workers larger batches");
        }
        for (Callback callback : callbacks) {
            if (callback.needsBatches()) {
                throw new IllegalArgumentException(callback.getClass().getSimpleName() + " acts on batches ("
                        + String.join(", ", BatchHooks.of(callback)) + "), which " + strategy + " cannot call: its workers train the"
                        + " batches out of sight. Use callbacks that act at the end of an epoch (EarlyStopping, ModelCheckpoint, CsvLogger,"
                        + " ReduceLROnPlateau, a per-epoch schedule), or the local strategy");
            }
        }
        if (!metrics.isEmpty() && validation == null) {
            throw new IllegalArgumentException(strategy + " computes metrics on the validation data only (its workers train the batches"
                    + " out of sight): add .validation(iterator), fit on TrainingData, or drop .metrics(...)");
        }
        if (resumeFrom != null) {
            throw new IllegalArgumentException(strategy + " cannot resume from a checkpoint: resume with the local strategy"
                    + " (drop .strategy(...)), or drop .resumeFrom(...) and start a new run");
        }
    }

    private List<Metric> trainingMetrics() {
        return validationMetricsOnly || !strategy.seesBatches() ? List.of() : List.copyOf(metrics);
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
        return title != null ? title : strategy.defaultTitle(model.model().getClass().getSimpleName());
    }

    private History newHistory(boolean withValidation) {
        List<String> names = metrics.stream().map(Metric::name).toList();
        return History.of(trainingMetrics().stream().map(Metric::name).toList(), withValidation ? names : null);
    }

    private void checkMetricNames() {
        Set<String> names = new HashSet<>();
        for (Metric metric : metrics) {
            if (!names.add(metric.name())) {
                throw new IllegalArgumentException("The metric '" + metric.name() + "' is listed twice");
            }
        }
    }

    private void checkHistoryColumns(History saved, boolean withValidation) {
        History expected = newHistory(withValidation);
        if (!saved.columnNames().equals(expected.columnNames())) {
            throw new IllegalArgumentException("The checkpoint's history has the columns " + saved.columnNames()
                    + " but this trainer records " + expected.columnNames()
                    + ": resume with the same metrics and validation as the run that wrote it");
        }
    }

    @Override
    public String toString() {
        return "Trainer[" + model.model().getClass().getSimpleName() + ", " + strategy + ", epochs=" + epochs + ", metrics="
                + Arrays.toString(metrics.stream().map(Metric::name).toArray()) + ", callbacks=" + callbacks.size()
                + (batchesPerStep > 1 ? ", " + batchesPerStep + " batches per step" : "") + "]";
    }
}
