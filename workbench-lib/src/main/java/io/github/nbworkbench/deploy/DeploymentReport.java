package io.github.nbworkbench.deploy;

import io.github.nbworkbench.plot.LabeledPoints;
import io.github.nbworkbench.results.ResultFolder;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Variants of a model side by side: how much smaller, how much less accurate and how much faster
 * than a baseline each one is, as a table, two charts, a few sentences and a folder of files.
 *
 * <pre>{@code
 * DeploymentReport report = DeploymentReport.builder()
 *     .benchmark(speed, 32)                 // InferenceBenchmark's table, compared at batch size 32
 *     .variant(ModelVariant.named("FP32").size(fp32File).accuracy(0.9150).speedFromBenchmark())
 *     .variant(ModelVariant.named("int8 weights").size(int8File).accuracy(0.9141).speedFromBenchmark())
 *     .variant(ModelVariant.named("FP16 file").size(fp16File).accuracy(0.9150))   // size only: no speed
 *     .build();                             // the first variant is the baseline unless baseline(name) says otherwise
 * report.table();
 * report.conclusions().forEach(System.out::println);
 * report.save(Path.of("build/deployment-report"));
 * }</pre>
 *
 * <p>Sizes are in MB of 1,000,000 bytes. A variant without a speed figure has missing values
 * (printed "n/a", empty in CSV) in the speed columns and is left out of the latency chart.
 */
public final class DeploymentReport {

    /** The table's name in the folder: report.csv. */
    public static final String REPORT = "report";
    public static final String MARKDOWN_FILE = REPORT + ".md";
    public static final String SIZE_CHART = "size-vs-accuracy";
    public static final String LATENCY_CHART = "latency-vs-accuracy";

    /** Latencies this many times apart are plotted on a logarithmic axis. */
    private static final double LOG_SCALE_RATIO = 20;

    private static final double BYTES_PER_MB = 1_000_000;
    private static final String MISSING = "n/a";

    private final List<VariantFigures> variants;
    private final VariantFigures baseline;
    private final OptionalInt batchSize;

    private DeploymentReport(List<VariantFigures> variants, VariantFigures baseline, OptionalInt batchSize) {
        this.variants = List.copyOf(variants);
        this.baseline = baseline;
        this.batchSize = batchSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * One row per variant: variant, size_mb, compressed_mb, x_smaller and compressed_x_smaller
     * (baseline size / variant size), accuracy_pct, accuracy_change_pts (percentage points against
     * the baseline), p50_ms, samples_per_s and speedup (baseline p50 / variant p50).
     */
    public Table table() {
        StringColumn names = StringColumn.create("variant");
        variants.forEach(variant -> names.append(variant.name()));
        return Table.create(title(), names,
                column("size_mb", 3, variant -> variant.sizeBytes() / BYTES_PER_MB),
                column("compressed_mb", 3, variant -> megabytes(variant.compressedBytes())),
                column("x_smaller", 2, variant -> (double) baseline.sizeBytes() / variant.sizeBytes()),
                column("compressed_x_smaller", 2, variant -> compressedRatio(variant)),
                column("accuracy_pct", 2, VariantFigures::accuracyPercent),
                signed(column("accuracy_change_pts", 2, variant -> variant.pointsAbove(baseline))),
                column("p50_ms", 3, variant -> variant.speed().map(Speed::p50Ms).orElse(Double.NaN)),
                column("samples_per_s", 0, variant -> variant.speed().map(Speed::samplesPerSecond).orElse(Double.NaN)),
                column("speedup", 2, this::speedup));
    }

    /** Accuracy against stored size, one labeled point per variant. */
    public XYChart sizeVsAccuracy() {
        Table table = table();
        XYChart chart = LabeledPoints.chart("Size vs accuracy", "stored size (MB)", "test accuracy (%)", table.stringColumn("variant").asList(),
                table.doubleColumn("size_mb").asDoubleArray(), table.doubleColumn("accuracy_pct").asDoubleArray());
        chart.getStyler().setXAxisMin(0.0);
        return chart;
    }

    /**
     * Accuracy against median latency, one labeled point per variant that has a speed figure.
     *
     * @throws IllegalStateException when no variant has one
     */
    public XYChart latencyVsAccuracy() {
        if (!hasSpeed()) {
            throw new IllegalStateException("No variant has a speed figure to plot; give them with speedFromBenchmark() or speed(p50Ms, samplesPerSecond)");
        }
        Table table = table();
        double[] latencies = table.doubleColumn("p50_ms").asDoubleArray();
        DoubleSummaryStatistics range = Arrays.stream(latencies).filter(latency -> !Double.isNaN(latency)).summaryStatistics();
        // one slow variant (FP16 on a CPU) would squeeze all the others against the axis on a linear scale
        boolean logScale = range.getMax() >= LOG_SCALE_RATIO * range.getMin();
        XYChart chart = LabeledPoints.chart("Latency vs accuracy" + atBatchSize(" at batch size "),
                "median latency per call, p50 (ms" + (logScale ? ", log scale)" : ")"), "test accuracy (%)",
                table.stringColumn("variant").asList(), latencies, table.doubleColumn("accuracy_pct").asDoubleArray());
        if (logScale) {
            chart.getStyler().setXAxisLogarithmic(true).setXAxisMin(range.getMin() / 1.5).setXAxisMax(range.getMax() * 1.5);
        } else {
            chart.getStyler().setXAxisMin(0.0);
        }
        return chart;
    }

    /** Which variant buys the most size reduction and which the most speed on this machine, in sentences. */
    public List<String> conclusions() {
        return new DeploymentConclusions(variants, baseline).sentences();
    }

    /**
     * Writes report.csv, report.md and both charts as PNG and SVG into {@code folder}, creating it,
     * through {@link ResultFolder}: each file is written whole and then moved into place. Without
     * any speed figure the latency chart is not written.
     *
     * @return the files written
     * @throws IllegalArgumentException when {@code folder} is a file
     */
    public List<Path> save(Path folder) {
        ResultFolder target = ResultFolder.of(folder);
        Table table = table();
        List<Path> written = new ArrayList<>();
        written.add(target.csv(REPORT, table));
        written.add(target.text(MARKDOWN_FILE, ReportMarkdown.of(table, conclusions())));
        written.addAll(target.chart(SIZE_CHART, sizeVsAccuracy()));
        if (hasSpeed()) {
            written.addAll(target.chart(LATENCY_CHART, latencyVsAccuracy()));
        }
        return List.copyOf(written);
    }

    private String title() {
        return "Deployment report, against " + baseline.name() + atBatchSize(", speed at batch size ");
    }

    private String atBatchSize(String words) {
        return batchSize.isPresent() ? words + batchSize.getAsInt() : "";
    }

    private boolean hasSpeed() {
        return variants.stream().anyMatch(variant -> variant.speed().isPresent());
    }

    private double compressedRatio(VariantFigures variant) {
        if (baseline.compressedBytes().isEmpty() || variant.compressedBytes().isEmpty()) {
            return Double.NaN;
        }
        return (double) baseline.compressedBytes().getAsLong() / variant.compressedBytes().getAsLong();
    }

    private double speedup(VariantFigures variant) {
        if (baseline.speed().isEmpty() || variant.speed().isEmpty()) {
            return Double.NaN;
        }
        return baseline.speed().get().p50Ms() / variant.speed().get().p50Ms();
    }

    private static double megabytes(OptionalLong bytes) {
        return bytes.isPresent() ? bytes.getAsLong() / BYTES_PER_MB : Double.NaN;
    }

    private DoubleColumn column(String name, int decimals, ToDoubleFunction<VariantFigures> value) {
        DoubleColumn column = DoubleColumn.create(name);
        variants.forEach(variant -> column.append(value.applyAsDouble(variant)));
        column.setPrintFormatter(new NumberColumnFormatter(NumberColumnFormatter.fixedWithGrouping(decimals).getFormat(), MISSING));
        return column;
    }

    private static DoubleColumn signed(DoubleColumn column) {
        DecimalFormat format = new DecimalFormat("+0.00;-0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        column.setPrintFormatter(new NumberColumnFormatter(format, MISSING));
        return column;
    }

    /** Collects the variants; see {@link DeploymentReport}. */
    public static final class Builder {

        private final List<ModelVariant> variants = new ArrayList<>();
        private Table benchmark;
        private int batchSize;
        private String baselineName;

        private Builder() {
        }

        /** Where {@link ModelVariant#speedFromBenchmark()} looks: a table from {@link InferenceBenchmark#table()}, at one batch size. */
        public Builder benchmark(Table benchmark, int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("The batch size to compare at must be 1 or more, got " + batchSize);
            }
            this.benchmark = Objects.requireNonNull(benchmark, "benchmark");
            this.batchSize = batchSize;
            return this;
        }

        public Builder variant(ModelVariant variant) {
            variants.add(Objects.requireNonNull(variant, "variant"));
            return this;
        }

        /** The variant the others are compared with; the first one if not given. */
        public Builder baseline(String name) {
            this.baselineName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @throws IllegalArgumentException when there are no variants, two share a name, the baseline
         *                                  is not among them, or a variant's figures are incomplete
         *                                  or missing from the benchmark
         */
        public DeploymentReport build() {
            if (variants.isEmpty()) {
                throw new IllegalArgumentException("No variants to report; add them with variant(ModelVariant.named(...)...)");
            }
            Set<String> names = new LinkedHashSet<>();
            List<VariantFigures> figures = new ArrayList<>();
            for (ModelVariant variant : variants) {
                if (!names.add(variant.name())) {
                    throw new IllegalArgumentException("Two variants are named '" + variant.name() + "'; give each its own name");
                }
                figures.add(variant.figures(Optional.ofNullable(benchmark), batchSize));
            }
            String baselineVariant = baselineName == null ? variants.get(0).name() : baselineName;
            VariantFigures baseline = figures.stream().filter(variant -> variant.name().equals(baselineVariant)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("The baseline '" + baselineVariant + "' is not a variant of the report; "
                            + "its variants are " + names));
            return new DeploymentReport(figures, baseline, benchmark == null ? OptionalInt.empty() : OptionalInt.of(batchSize));
        }
    }
}
