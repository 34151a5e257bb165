package io.github.nbworkbench.deploy;

import java.util.List;
import java.util.TreeSet;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** How fast a variant runs at one batch size: the median latency of a call and the samples per second. */
record Speed(double p50Ms, double samplesPerSecond) {

    private static final List<String> BENCHMARK_COLUMNS = List.of("variant", "batch_size", "p50_ms", "samples_per_s");

    Speed {
        if (!(p50Ms > 0) || !(samplesPerSecond > 0) || Double.isInfinite(p50Ms) || Double.isInfinite(samplesPerSecond)) {
            throw new IllegalArgumentException("A speed figure needs a positive, finite p50 latency and throughput, got "
                    + p50Ms + " ms and " + samplesPerSecond + " samples/s");
        }
    }

    /** The row of {@code variant} at {@code batchSize} in a table from {@link InferenceBenchmark#table()}. */
    static Speed fromBenchmark(Table benchmark, String variant, int batchSize) {
        for (String column : BENCHMARK_COLUMNS) {
            if (!benchmark.containsColumn(column)) {
                throw new IllegalArgumentException("The benchmark table needs the columns " + BENCHMARK_COLUMNS + ", it has "
                        + benchmark.columnNames() + ". Pass the table that InferenceBenchmark.table() returns.");
            }
        }
        StringColumn names = benchmark.stringColumn("variant");
        NumericColumn<?> batchSizes = benchmark.numberColumn("batch_size");
        TreeSet<Integer> measuredSizes = new TreeSet<>();
        for (int row = 0; row < benchmark.rowCount(); row++) {
            if (names.get(row).equals(variant)) {
                if ((int) batchSizes.getDouble(row) == batchSize) {
                    return new Speed(benchmark.numberColumn("p50_ms").getDouble(row),
                            benchmark.numberColumn("samples_per_s").getDouble(row));
                }
                measuredSizes.add((int) batchSizes.getDouble(row));
            }
        }
        if (measuredSizes.isEmpty()) {
            throw new IllegalArgumentException("The benchmark has no variant '" + variant + "'; it measured "
                    + names.unique().asList() + ". Name the variant as in InferenceBenchmark.variant(...), "
                    + "or give its speed with speed(p50Ms, samplesPerSecond).");
        }
        throw new IllegalArgumentException("The benchmark measured '" + variant + "' at batch sizes " + measuredSizes
                + ", not at " + batchSize + "; compare at one of those, or add " + batchSize + " to InferenceBenchmark.batchSizes(...)");
    }
}
