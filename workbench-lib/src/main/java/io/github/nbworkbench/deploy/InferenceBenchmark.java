package io.github.nbworkbench.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Inference latency and throughput of several variants of a model on the same inputs: p50 and p95
 * of one call, and samples per second, at each batch size. The variants take turns call by call, so
 * a noisy machine slows them alike and their ratios stay meaningful.
 *
 * <pre>{@code
 * Table speed = InferenceBenchmark.of(testFeatures)
 *     .variant("FP32", x -> net.output(x, false))
 *     .variant("int8 weights", x -> restored.output(x, false))
 *     .batchSizes(1, 8, 32, 128)
 *     .table();
 * }</pre>
 */
public final class InferenceBenchmark {

    /** The median milliseconds of one call, a column of {@link #table()}. */
    public static final String P50_MS = "p50_ms";

    private final INDArray inputs;
    private final Map<String, UnaryOperator<INDArray>> variants = new LinkedHashMap<>();
    private int[] batchSizes = {1, 8, 32, 128};
    private int warmUpCalls = 10;
    private int timedCalls = 50;

    private InferenceBenchmark(INDArray inputs) {
        this.inputs = inputs;
    }

    /** Benchmarks on batches cut from {@code inputs} (examples along the first axis, reused when they run out). */
    public static InferenceBenchmark of(INDArray inputs) {
        if (inputs == null || inputs.rank() < 2 || inputs.size(0) < 1) {
            throw new IllegalArgumentException("Give the benchmark inputs with examples along the first axis");
        }
        return new InferenceBenchmark(inputs);
    }

    /** A variant: a name for the table and the call that computes the outputs of a batch. */
    public InferenceBenchmark variant(String name, UnaryOperator<INDArray> inference) {
        if (variants.containsKey(Objects.requireNonNull(name, "name"))) {
            throw new IllegalArgumentException("The variant '" + name + "' is there already");
        }
        variants.put(name, Objects.requireNonNull(inference, "inference"));
        return this;
    }

    public InferenceBenchmark batchSizes(int... sizes) {
        if (sizes.length == 0 || Arrays.stream(sizes).anyMatch(size -> size < 1)) {
            throw new IllegalArgumentException("Batch sizes must be 1 or more, got " + Arrays.toString(sizes));
        }
        this.batchSizes = sizes.clone();
        return this;
    }

    /** Calls per variant and batch size: {@code warmUp} untimed, then {@code timed} timed. */
    public InferenceBenchmark calls(int warmUp, int timed) {
        if (warmUp < 0 || timed < 2) {
            throw new IllegalArgumentException("Need 0 or more warm-up calls and 2 or more timed ones, got " + warmUp + " and " + timed);
        }
        this.warmUpCalls = warmUp;
        this.timedCalls = timed;
        return this;
    }

    /** One row per variant and batch size: variant, batch_size, p50_ms, p95_ms, samples_per_s. */
    public Table table() {
        if (variants.isEmpty()) {
            throw new IllegalStateException("No variants to benchmark; add them with variant(name, inference)");
        }
        StringColumn names = StringColumn.create("variant");
        IntColumn sizes = IntColumn.create("batch_size");
        DoubleColumn p50 = DoubleColumn.create(P50_MS);
        DoubleColumn p95 = DoubleColumn.create("p95_ms");
        DoubleColumn throughput = DoubleColumn.create("samples_per_s");
        for (int batchSize : batchSizes) {
            List<INDArray> batches = batches(batchSize);
            Map<String, double[]> millis = new LinkedHashMap<>();
            variants.keySet().forEach(name -> millis.put(name, new double[timedCalls]));
            for (int call = -warmUpCalls; call < timedCalls; call++) {
                INDArray batch = batches.get(Math.floorMod(call, batches.size()));
                for (Map.Entry<String, UnaryOperator<INDArray>> variant : variants.entrySet()) {
                    long start = System.nanoTime();
                    variant.getValue().apply(batch);
                    if (call >= 0) {
                        millis.get(variant.getKey())[call] = (System.nanoTime() - start) / 1e6;
                    }
                }
            }
            for (Map.Entry<String, double[]> times : millis.entrySet()) {
                double[] sorted = times.getValue().clone();
                Arrays.sort(sorted);
                names.append(times.getKey());
                sizes.append(batchSize);
                p50.append(percentile(sorted, 0.50));
                p95.append(percentile(sorted, 0.95));
                throughput.append(batchSize * 1000.0 / Arrays.stream(sorted).average().orElseThrow());
            }
        }
        p50.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
        p95.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
        throughput.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(0));
        return Table.create("Inference speed", names, sizes, p50, p95, throughput);
    }

    private List<INDArray> batches(int batchSize) {
        long examples = inputs.size(0);
        List<INDArray> batches = new ArrayList<>();
        for (long start = 0; start < examples || batches.isEmpty(); start += batchSize) {
            long from = start % examples;
            long to = Math.min(examples, from + batchSize);
            INDArray batch = inputs.get(NDArrayIndex.interval(from, to)).dup();
            if (batch.size(0) == batchSize) {
                batches.add(batch);
            } else if (batches.isEmpty()) {
                throw new IllegalArgumentException("A batch of " + batchSize + " needs at least " + batchSize + " input examples, got " + examples);
            }
        }
        return batches;
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
