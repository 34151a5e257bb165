package io.github.nbworkbench.diagnose;

import io.github.nbworkbench.tables.ReadableNumbers;
import io.github.nbworkbench.train.Callback;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.TrainingContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.deeplearning4j.optimize.api.TrainingListener;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A callback that measures every layer during training, on one batch in {@code n}: the norm of its
 * gradient, of its parameters and of the update the step made, and for ReLU layers the share of
 * zero outputs and of dead units (zero for every example of the batch). The first batch of every
 * epoch is measured, then every n-th one. It only reads the network, so training gives the same
 * result with it as without; unsampled batches cost nothing. {@link TrainingDoctor} reads it.
 *
 * <pre>{@code
 * TrainingStatistics statistics = TrainingStatistics.everyBatches(10);
 * History history = Trainer.of(net).epochs(10).callbacks(statistics).fit(data);
 * statistics.table();                                  // one row per layer and sampled batch
 * TrainingDoctor.of(history).with(statistics);         // what went wrong, in words
 * }</pre>
 *
 * <p>It measures the training steps themselves, so it needs every batch: {@code ParallelTraining}
 * and Spark, whose workers train out of sight, refuse it. Each {@code fit} adds its samples to
 * those of earlier ones.
 */
public final class TrainingStatistics implements Callback {

    public static final String BATCH = "batch";
    public static final String LAYER = "layer";
    public static final String TYPE = "type";
    public static final String GRADIENT_NORM = "grad_norm";
    public static final String PARAMETER_NORM = "param_norm";
    public static final String UPDATE_RATIO = "update_ratio";
    public static final String ZERO_SHARE = "zero_share";
    public static final String DEAD_SHARE = "dead_share";

    private final int interval;
    private final List<LayerSample> samples = new ArrayList<>();
    private StepRecorder recorder;

    private TrainingStatistics(int interval) {
        this.interval = interval;
    }

    /** Measures batch 1 of every epoch and every {@code n}-th batch after it (1, n + 1, 2n + 1, ...). */
    public static TrainingStatistics everyBatches(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("TrainingStatistics.everyBatches(n) measures one batch in n: n must be 1 (every batch)"
                    + " or more, got " + n + " (e.g. everyBatches(10))");
        }
        return new TrainingStatistics(n);
    }

    /** One batch in how many is measured. */
    public int interval() {
        return interval;
    }

    /** Everything measured so far, in training order, one sample per measured layer and sampled batch. */
    public List<LayerSample> samples() {
        return Collections.unmodifiableList(samples);
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        detach(context); // left attached when a step failed with an exception
    }

    @Override
    public void onBatchBegin(TrainingContext context, int epoch, long batch) {
        if ((batch - 1) % interval == 0) {
            recorder = new StepRecorder(epoch, batch, ObservedLayer.of(context.model()));
            context.model().addListeners(recorder);
        }
    }

    @Override
    public void onBatchEnd(TrainingContext context, int epoch, long batch, double loss) {
        if (recorder != null) {
            samples.addAll(recorder.samples());
            detach(context);
        }
    }

    private void detach(TrainingContext context) {
        if (recorder != null) {
            List<TrainingListener> others = new ArrayList<>(context.trainable().listeners());
            others.remove(recorder);
            context.model().setListeners(others);
            recorder = null;
        }
    }

    /**
     * The samples as a table, one row each: {@code epoch} ({@link History#EPOCH}), {@code batch, layer, type,
     * grad_norm, param_norm, update_ratio, zero_share, dead_share}.
     */
    public Table table() {
        IntColumn epochs = IntColumn.create(History.EPOCH);
        LongColumn batches = LongColumn.create(BATCH);
        StringColumn layers = StringColumn.create(LAYER);
        StringColumn types = StringColumn.create(TYPE);
        DoubleColumn gradients = DoubleColumn.create(GRADIENT_NORM);
        DoubleColumn parameters = DoubleColumn.create(PARAMETER_NORM);
        DoubleColumn updates = DoubleColumn.create(UPDATE_RATIO);
        DoubleColumn zeros = DoubleColumn.create(ZERO_SHARE);
        DoubleColumn dead = DoubleColumn.create(DEAD_SHARE);
        for (LayerSample sample : samples) {
            epochs.append(sample.epoch());
            batches.append(sample.batch());
            layers.append(sample.layer());
            types.append(sample.type());
            gradients.append(sample.gradientNorm());
            parameters.append(sample.parameterNorm());
            updates.append(sample.updateRatio());
            zeros.append(sample.zeroShare());
            dead.append(sample.deadShare());
        }
        List.of(gradients, parameters, updates, zeros, dead).forEach(ReadableNumbers::apply);
        return Table.create("Training statistics (every " + interval + " batches)", epochs, batches, layers, types, gradients,
                parameters, updates, zeros, dead);
    }

    @Override
    public String toString() {
        return "TrainingStatistics every " + interval + " batches, " + samples.size() + " samples";
    }
}
