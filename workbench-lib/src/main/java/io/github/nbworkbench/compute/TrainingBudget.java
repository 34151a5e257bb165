package io.github.nbworkbench.compute;

import io.github.nbworkbench.train.TrainableModel;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * What training will cost, known before it starts: seconds per batch measured on a copy of the
 * model (the model itself is not changed), batches per epoch counted from the data, and DL4J's
 * estimate of the memory one training batch takes.
 *
 * <pre>{@code
 * TrainingBudget budget = TrainingBudget.estimate(net, trainBatches);
 * budget.forEpochs(20);     // Duration
 * budget.table();         // every figure, for the notebook
 * }</pre>
 *
 * @param batchSize          examples in the measured batches
 * @param batchesPerEpoch    batches in one pass over the data
 * @param secondsPerBatch    the median time of one training step over the measured batches
 * @param memoryBytesPerBatch DL4J's estimate for parameters, updater state, activations and gradients
 * @param parameters         the model's parameter count
 */
public record TrainingBudget(int batchSize, long batchesPerEpoch, double secondsPerBatch, long memoryBytesPerBatch, long parameters) {

    /** Training steps timed by {@link #estimate(Model, DataSetIterator)}, after {@value #WARM_UP_BATCHES} untimed ones. */
    public static final int MEASURED_BATCHES = 10;
    static final int WARM_UP_BATCHES = 3;

    /** Measures {@value #MEASURED_BATCHES} training steps on a copy of {@code model}. */
    public static TrainingBudget estimate(Model model, DataSetIterator train) {
        return estimate(model, train, MEASURED_BATCHES);
    }

    /**
     * Counts the batches of {@code train} (one pass, then a reset) and times {@code measuredBatches}
     * training steps on a copy of {@code model}.
     *
     * @throws IllegalArgumentException when the iterator cannot be reset or gives no batch
     */
    public static TrainingBudget estimate(Model model, DataSetIterator train, int measuredBatches) {
        if (measuredBatches < 1) {
            throw new IllegalArgumentException("measuredBatches must be 1 or more, got " + measuredBatches);
        }
        if (!train.resetSupported()) {
            throw new IllegalArgumentException("The budget counts the batches of one pass and then starts again, so the iterator must support reset()");
        }
        train.reset();
        if (!train.hasNext()) {
            throw new IllegalArgumentException("The training iterator gives no batches");
        }
        DataSet first = train.next();
        long batches = 1;
        while (train.hasNext()) {
            train.next();
            batches++;
        }
        train.reset();
        TrainableModel copy = TrainableModel.of(copyOf(model));
        double[] seconds = new double[measuredBatches];
        for (int i = -WARM_UP_BATCHES; i < measuredBatches; i++) {
            if (!train.hasNext()) {
                train.reset();
            }
            DataSet batch = train.next();
            long start = System.nanoTime();
            copy.fit(batch);
            if (i >= 0) {
                seconds[i] = (System.nanoTime() - start) / 1e9;
            }
        }
        train.reset();
        int batchSize = first.numExamples();
        return new TrainingBudget(batchSize, batches, median(seconds),
                MemoryEstimate.trainingBytes(model, first.getFeatures(), batchSize), copy.params().length());
    }

    static Model copyOf(Model model) {
        if (model instanceof MultiLayerNetwork network) {
            return network.clone();
        }
        if (model instanceof ComputationGraph graph) {
            return graph.clone();
        }
        throw new IllegalArgumentException("Budgets cover MultiLayerNetwork and ComputationGraph, not " + model.getClass().getName());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public double secondsPerEpoch() {
        return secondsPerBatch * batchesPerEpoch;
    }

    /** Training examples per second. */
    public double samplesPerSecond() {
        return batchSize / secondsPerBatch;
    }

    /** The estimated training time of {@code epochs} epochs in minutes (validation not included). */
    public double minutesForEpochs(int epochs) {
        return secondsPerEpoch() * epochs / 60;
    }

    /** The estimated training time of {@code epochs} epochs (validation not included). */
    public Duration forEpochs(int epochs) {
        return Duration.ofMillis(Math.round(secondsPerEpoch() * epochs * 1000));
    }

    /** The figures as a two-column table (quantity, value), for a notebook. */
    public Table table() {
        DoubleColumn values = DoubleColumn.create("value", (double) parameters, batchSize, (double) batchesPerEpoch, secondsPerBatch,
                samplesPerSecond(), secondsPerEpoch(), memoryBytesPerBatch / 1e6);
        values.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
        return Table.create("Training budget",
                StringColumn.create("quantity", "parameters", "batch size", "batches per epoch", "seconds per batch",
                        "samples per second", "seconds per epoch", "memory per training batch (MB)"),
                values);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d batches of %d per epoch at %.3f s each: %.0f s per epoch, %.0f samples/s, ~%.1f MB per batch",
                batchesPerEpoch, batchSize, secondsPerBatch, secondsPerEpoch(), samplesPerSecond(), memoryBytesPerBatch / 1e6);
    }
}
