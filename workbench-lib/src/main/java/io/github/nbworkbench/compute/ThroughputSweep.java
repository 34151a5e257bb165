package io.github.nbworkbench.compute;

import io.github.nbworkbench.runtime.WorkbenchRuntime;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.TrainableModel;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.DataSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Training throughput against a setting, measured on copies of a model (the model itself is not
 * changed): batch size, or the number of threads ND4J uses.
 *
 * <pre>{@code
 * Table bySize = ThroughputSweep.batchSizes(net, sample, 16, 32, 64, 128, 256);
 * Table byThreads = ThroughputSweep.threads(net, sample, 64, 1, 2);
 * }</pre>
 *
 * Each row trains {@value #MEASURED_BATCHES} timed batches after {@value TrainingBudget#WARM_UP_BATCHES}
 * untimed ones, cut from {@code data} (reused from its start when it runs out).
 */
public final class ThroughputSweep {

    static final int MEASURED_BATCHES = 8;

    private ThroughputSweep() {
    }

    /** One row per batch size: batch_size, samples_per_s, seconds_per_batch, memory_mb (DL4J's estimate). */
    public static Table batchSizes(Model model, DataSet data, int... batchSizes) {
        checkNotEmpty(batchSizes, "batch sizes");
        IntColumn sizes = IntColumn.create("batch_size");
        DoubleColumn rates = DoubleColumn.create(History.SAMPLES_PER_SECOND);
        DoubleColumn seconds = DoubleColumn.create("seconds_per_batch");
        DoubleColumn memory = DoubleColumn.create("memory_mb");
        for (int batchSize : batchSizes) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("Batch sizes must be 1 or more, got " + batchSize);
            }
            double perBatch = secondsPerBatch(model, data, batchSize);
            sizes.append(batchSize);
            seconds.append(perBatch);
            rates.append(batchSize / perBatch);
            memory.append(MemoryEstimate.trainingBytes(model, data.getFeatures(), batchSize) / 1e6);
        }
        return Table.create("Training throughput by batch size", sizes, formatted(rates, 0), formatted(seconds, 4), formatted(memory, 1));
    }

    /**
     * One row per thread count, at {@code batchSize}: threads, samples_per_s. Sets ND4J's threads for
     * each row and puts back the count in use before.
     */
    public static Table threads(Model model, DataSet data, int batchSize, int... threadCounts) {
        checkNotEmpty(threadCounts, "thread counts");
        int before = WorkbenchRuntime.describe().openMpThreads();
        IntColumn threads = IntColumn.create("threads");
        DoubleColumn rates = DoubleColumn.create(History.SAMPLES_PER_SECOND);
        try {
            for (int count : threadCounts) {
                WorkbenchRuntime.threads(count);
                threads.append(count);
                rates.append(batchSize / secondsPerBatch(model, data, batchSize));
            }
        } finally {
            WorkbenchRuntime.threads(before);
        }
        return Table.create("Training throughput by threads (batch " + batchSize + ")", threads, formatted(rates, 0));
    }

    private static double secondsPerBatch(Model model, DataSet data, int batchSize) {
        int examples = data.numExamples();
        if (examples == 0) {
            throw new IllegalArgumentException("The data has no examples to time training on");
        }
        TrainableModel copy = TrainableModel.of(TrainingBudget.copyOf(model));
        double[] seconds = new double[MEASURED_BATCHES];
        int next = 0;
        for (int i = -TrainingBudget.WARM_UP_BATCHES; i < MEASURED_BATCHES; i++) {
            int end = Math.min(examples, next + batchSize);
            DataSet batch = (DataSet) data.getRange(next, end);
            next = end == examples ? 0 : end;
            long start = System.nanoTime();
            copy.fit(batch);
            if (i >= 0) {
                seconds[i] = (System.nanoTime() - start) / 1e9 * batchSize / batch.numExamples();
            }
        }
        return TrainingBudget.median(seconds);
    }

    private static DoubleColumn formatted(DoubleColumn column, int decimals) {
        column.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(decimals));
        return column;
    }

    private static void checkNotEmpty(int[] values, String what) {
        if (values.length == 0) {
            throw new IllegalArgumentException("Give at least one of the " + what + " to measure");
        }
    }
}
