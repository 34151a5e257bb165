package io.github.nbworkbench.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.results.ResultFolder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class DeploymentReportTest {

    @TempDir
    Path folder;

    /** Rows as InferenceBenchmark.table() writes them, at batch sizes 1 and 32. */
    private static Table benchmark() {
        return Table.create("Inference speed",
                StringColumn.create("variant", "FP32", "int8 weights", "pruned 80%", "int8 + pruned", "distilled student",
                        "FP32", "int8 weights", "pruned 80%", "int8 + pruned", "distilled student"),
                IntColumn.create("batch_size", 1, 1, 1, 1, 1, 32, 32, 32, 32, 32),
                DoubleColumn.create("p50_ms", 0.5, 0.6, 0.5, 0.6, 0.1, 4.0, 5.0, 4.0, 5.0, 0.5),
                DoubleColumn.create("p95_ms", 0.7, 0.8, 0.7, 0.8, 0.2, 4.5, 5.5, 4.5, 5.5, 0.6),
                DoubleColumn.create("samples_per_s", 2000, 1667, 2000, 1667, 10000, 8000, 6400, 8000, 6400, 64000));
    }

    private static DeploymentReport.Builder sevenVariants() {
        return DeploymentReport.builder()
                .benchmark(benchmark(), 32)
                .variant(ModelVariant.named("FP32").size(3_300_000).compressedSize(3_000_000).accuracy(0.9150).speedFromBenchmark())
                .variant(ModelVariant.named("int8 weights").size(825_000).compressedSize(600_000).accuracy(0.9141).speedFromBenchmark())
                .variant(ModelVariant.named("pruned 80%").size(3_300_000).compressedSize(750_000).accuracy(0.9100).speedFromBenchmark())
                .variant(ModelVariant.named("int8 + pruned").size(330_000).compressedSize(300_000).accuracy(0.9080).speedFromBenchmark())
                .variant(ModelVariant.named("FP16 file").size(1_650_000).accuracy(0.9150))
                .variant(ModelVariant.named("distilled student").size(412_500).compressedSize(400_000).accuracy(0.8990).speedFromBenchmark())
                .variant(ModelVariant.named("ONNX Runtime").size(3_300_000).accuracy(0.9150).speed(1.6, 20_000));
    }

    @Test
    void tableComparesEveryVariantWithTheFirst() {
        Table table = sevenVariants().build().table();

        assertEquals(List.of("variant", "size_mb", "compressed_mb", "x_smaller", "compressed_x_smaller", "accuracy_pct",
                "accuracy_change_pts", "p50_ms", "samples_per_s", "speedup"), table.columnNames());
        assertEquals(List.of("FP32", "int8 weights", "pruned 80%", "int8 + pruned", "FP16 file", "distilled student", "ONNX Runtime"),
                table.stringColumn("variant").asList());
        assertArrayEquals(new double[] {3.3, 0.825, 3.3, 0.33, 1.65, 0.4125, 3.3}, table.doubleColumn("size_mb").asDoubleArray());
        assertArrayEquals(new double[] {1, 4, 1, 10, 2, 8, 1}, table.doubleColumn("x_smaller").asDoubleArray());
        assertArrayEquals(new double[] {1, 5, 4, 10, Double.NaN, 7.5, Double.NaN},
                table.doubleColumn("compressed_x_smaller").asDoubleArray());
        assertArrayEquals(new double[] {91.50, 91.41, 91.00, 90.80, 91.50, 89.90, 91.50},
                table.doubleColumn("accuracy_pct").asDoubleArray());
        assertArrayEquals(new double[] {0, -0.09, -0.5, -0.7, 0, -1.6, 0},
                table.doubleColumn("accuracy_change_pts").asDoubleArray(), "in decimal: no -0.09000000000000119");
        assertArrayEquals(new double[] {4.0, 5.0, 4.0, 5.0, Double.NaN, 0.5, 1.6}, table.doubleColumn("p50_ms").asDoubleArray());
        assertArrayEquals(new double[] {8000, 6400, 8000, 6400, Double.NaN, 64000, 20000},
                table.doubleColumn("samples_per_s").asDoubleArray());
        assertArrayEquals(new double[] {1, 0.8, 1, 0.8, Double.NaN, 8, 2.5}, table.doubleColumn("speedup").asDoubleArray());
        assertEquals("Deployment report, against FP32, speed at batch size 32", table.name());
    }

    @Test
    void missingSpeedIsMissingInTheTableAndLeftOutOfTheLatencyChart() {
        DeploymentReport report = sevenVariants().build();
        Table table = report.table();

        assertTrue(table.doubleColumn("p50_ms").isMissing(4));
        assertTrue(table.doubleColumn("speedup").isMissing(4));
        assertEquals("n/a", table.doubleColumn("p50_ms").getString(4));
        assertEquals("-0.09", table.doubleColumn("accuracy_change_pts").getString(1));
        assertEquals("+0.00", table.doubleColumn("accuracy_change_pts").getString(0));

        XYChart latency = report.latencyVsAccuracy();
        assertEquals(List.of("FP32", "int8 weights", "pruned 80%", "int8 + pruned", "distilled student", "ONNX Runtime"),
                List.copyOf(latency.getSeriesMap().keySet()));
        assertArrayEquals(new double[] {0.5}, latency.getSeriesMap().get("distilled student").getXData());
        assertArrayEquals(new double[] {89.9}, latency.getSeriesMap().get("distilled student").getYData());
        assertEquals("Latency vs accuracy at batch size 32", latency.getTitle());
        assertEquals("median latency per call, p50 (ms)", latency.getXAxisTitle());
        assertEquals("test accuracy (%)", latency.getYAxisTitle());
    }

    @Test
    void latenciesFarApartGoOnALogarithmicAxis() {
        DeploymentReport report = sevenVariants().variant(ModelVariant.named("FP16 on a CPU").size(1_650_000).accuracy(0.9150).speed(200, 160)).build();

        XYChart latency = report.latencyVsAccuracy();

        assertTrue(latency.getStyler().isXAxisLogarithmic());
        assertEquals("median latency per call, p50 (ms, log scale)", latency.getXAxisTitle());
        assertFalse(sevenVariants().build().latencyVsAccuracy().getStyler().isXAxisLogarithmic(), "0.5 to 5 ms stays linear");
    }

    @Test
    void sizeChartHasOnePointPerVariantInMegabytes() {
        XYChart size = sevenVariants().build().sizeVsAccuracy();

        assertEquals(7, size.getSeriesMap().size());
        assertArrayEquals(new double[] {0.33}, size.getSeriesMap().get("int8 + pruned").getXData());
        assertArrayEquals(new double[] {90.8}, size.getSeriesMap().get("int8 + pruned").getYData());
        assertEquals("stored size (MB)", size.getXAxisTitle());
        assertEquals("Size vs accuracy", size.getTitle());
    }

    @Test
    void conclusionsNameTheSmallestAndTheFastest() {
        assertEquals(List.of(
                "int8 + pruned buys the most size reduction: 10.00x smaller than FP32 (330.0 kB vs 3.30 MB), accuracy -0.70 points.",
                "Compressed, int8 + pruned is the smallest: 10.00x smaller than FP32 compressed (300.0 kB vs 3.00 MB).",
                "distilled student is the fastest on this hardware: 8.00x the speed of FP32 (p50 0.500 ms vs 4.000 ms), accuracy -1.60 points.",
                "No speed figure for FP16 file."), sevenVariants().build().conclusions());
    }

    @Test
    void conclusionsSayWhenNothingBeatsTheBaseline() {
        DeploymentReport report = DeploymentReport.builder()
                .variant(ModelVariant.named("small").size(1_000).accuracy(0.9).speed(1.0, 1000))
                .variant(ModelVariant.named("big").size(2_000).accuracy(0.91).speed(1.5, 700))
                .build();

        assertEquals(List.of("No variant is smaller than small (1.0 kB).",
                "No variant is faster than small on this hardware; the quickest of the others, big, takes 1.50x as long (p50 1.500 ms vs 1.000 ms)."),
                report.conclusions());
    }

    @Test
    void aNamedBaselineIsWhatTheOthersAreComparedWith() {
        Table table = sevenVariants().baseline("int8 weights").build().table();

        assertArrayEquals(new double[] {0.25, 1, 0.25, 2.5, 0.5, 2, 0.25}, table.doubleColumn("x_smaller").asDoubleArray());
        assertEquals(0.09, table.doubleColumn("accuracy_change_pts").get(0));
        assertEquals(1.25, table.doubleColumn("speedup").get(0));
    }

    @Test
    void aBaselineWithoutSpeedLeavesEverySpeedupMissing() {
        DeploymentReport report = sevenVariants().baseline("FP16 file").build();

        assertEquals(7, report.table().doubleColumn("speedup").countMissing());
        assertTrue(report.conclusions().contains("FP16 file has no speed figure, so no variant's speed-up can be told."),
                report.conclusions().toString());
    }

    @Test
    void exportWritesTheTableTheMarkdownAndBothChartsAsFilesThatParse() throws IOException {
        Path target = folder.resolve("reports/deployment");

        List<Path> written = sevenVariants().build().save(target);

        Set<String> expected = Set.of("report.csv", "report.md", "size-vs-accuracy.png", "size-vs-accuracy.svg",
                "latency-vs-accuracy.png", "latency-vs-accuracy.svg");
        assertEquals(expected, written.stream().map(file -> file.getFileName().toString()).collect(Collectors.toSet()));
        try (Stream<Path> files = Files.list(target)) {
            assertEquals(expected, files.map(file -> file.getFileName().toString()).collect(Collectors.toSet()),
                    "no temporary files are left behind");
        }
        Table csv = Table.read().csv(target.resolve("report.csv").toFile());
        assertEquals(7, csv.rowCount());
        assertArrayEquals(new double[] {1, 4, 1, 10, 2, 8, 1}, csv.numberColumn("x_smaller").asDoubleArray());
        assertTrue(csv.numberColumn("p50_ms").isMissing(4), "FP16 file's missing speed stays missing in the CSV");
        for (String chart : List.of("size-vs-accuracy.png", "latency-vs-accuracy.png")) {
            BufferedImage image = ImageIO.read(target.resolve(chart).toFile());
            assertEquals(800, image.getWidth(), chart);
            assertEquals(500, image.getHeight(), chart);
        }
        assertTrue(Files.readString(target.resolve("latency-vs-accuracy.svg")).contains("<svg"));
        String markdown = Files.readString(target.resolve("report.md"));
        assertTrue(markdown.startsWith("# Deployment report, against FP32, speed at batch size 32\n"), markdown);
        assertTrue(markdown.contains("| FP16 file | 1.650 | n/a | 2.00 | n/a | 91.50 | +0.00 | n/a | n/a | n/a |"), markdown);
        assertTrue(markdown.contains("- distilled student is the fastest on this hardware"), markdown);
    }

    @Test
    void theReportFilesAreWhatTheOneResultWriterWrites() throws IOException {
        DeploymentReport report = sevenVariants().build();

        report.save(folder.resolve("report"));
        ResultFolder writer = ResultFolder.of(folder.resolve("by-hand"));
        writer.csv("report", report.table());
        writer.chart("size-vs-accuracy", report.sizeVsAccuracy());

        for (String file : List.of("report.csv", "size-vs-accuracy.png")) {
            assertArrayEquals(Files.readAllBytes(folder.resolve("by-hand").resolve(file)), Files.readAllBytes(folder.resolve("report").resolve(file)), file);
        }
        assertEquals(Files.readString(folder.resolve("report/report.md")), ReportMarkdown.of(report.table(), report.conclusions()));
    }

    @Test
    void withoutAnySpeedTheLatencyChartIsNeitherDrawnNorWritten() {
        DeploymentReport report = DeploymentReport.builder()
                .variant(ModelVariant.named("FP32").size(4_000).accuracy(0.9))
                .variant(ModelVariant.named("FP16 file").size(2_000).accuracy(0.9))
                .build();

        List<Path> written = report.save(folder);

        assertEquals(List.of("report.csv", "report.md", "size-vs-accuracy.png", "size-vs-accuracy.svg"),
                written.stream().map(file -> file.getFileName().toString()).toList());
        IllegalStateException error = assertThrows(IllegalStateException.class, report::latencyVsAccuracy);
        assertTrue(error.getMessage().contains("speedFromBenchmark()"), error.getMessage());
    }

    @Test
    void refusesToExportIntoAFile() throws IOException {
        Path file = Files.writeString(folder.resolve("notes.txt"), "keep me");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> sevenVariants().build().save(file));

        assertTrue(error.getMessage().contains("notes.txt is a file, not a folder"), error.getMessage());
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void anUnknownVariantInTheBenchmarkIsRefusedNamingTheKnownOnes() {
        DeploymentReport.Builder builder = sevenVariants()
                .variant(ModelVariant.named("int4 weights").size(400_000).accuracy(0.90).speedFromBenchmark());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, builder::build);

        assertTrue(error.getMessage().contains("no variant 'int4 weights'")
                && error.getMessage().contains("[FP32, int8 weights, pruned 80%, int8 + pruned, distilled student]"), error.getMessage());
    }

    @Test
    void aBatchSizeTheBenchmarkDidNotMeasureIsRefusedNamingTheMeasuredOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> sevenVariants().benchmark(benchmark(), 64).build());

        assertTrue(error.getMessage().contains("at batch sizes [1, 32], not at 64"), error.getMessage());
    }

    @Test
    void aTableThatIsNotABenchmarkIsRefused() {
        Table notBenchmark = Table.create("x", StringColumn.create("variant", "FP32"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> sevenVariants().benchmark(notBenchmark, 32).build());

        assertTrue(error.getMessage().contains("InferenceBenchmark.table()"), error.getMessage());
    }

    @Test
    void speedFromABenchmarkNeedsOne() {
        DeploymentReport.Builder builder = DeploymentReport.builder()
                .variant(ModelVariant.named("FP32").size(1_000).accuracy(0.9).speedFromBenchmark());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, builder::build);

        assertTrue(error.getMessage().contains("benchmark(table, batchSize)"), error.getMessage());
    }

    @Test
    void sizeComesFromTheFile() throws IOException {
        Path model = Files.write(folder.resolve("model.bin"), new byte[12_345]);

        DeploymentReport report = DeploymentReport.builder().variant(ModelVariant.named("FP32").size(model).accuracy(0.9)).build();

        assertEquals(0.012345, report.table().doubleColumn("size_mb").get(0));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ModelVariant.named("FP16").size(folder.resolve("absent.bin")));
        assertTrue(missing.getMessage().contains("absent.bin") && missing.getMessage().contains("no such file"), missing.getMessage());
    }

    @Test
    void badFiguresAreRefusedWithTheFix() {
        IllegalArgumentException percent = assertThrows(IllegalArgumentException.class, () -> ModelVariant.named("FP32").accuracy(91.5));
        assertTrue(percent.getMessage().contains("pass 0.915"), percent.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelVariant.named("FP32").size(0));
        assertThrows(IllegalArgumentException.class, () -> ModelVariant.named("FP32").speed(0, 100));

        IllegalArgumentException incomplete = assertThrows(IllegalArgumentException.class,
                () -> DeploymentReport.builder().variant(ModelVariant.named("FP32").size(10)).build());
        assertTrue(incomplete.getMessage().contains("'FP32' needs a size and an accuracy"), incomplete.getMessage());

        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> sevenVariants()
                .variant(ModelVariant.named("FP32").size(10).accuracy(0.5)).build());
        assertTrue(twice.getMessage().contains("Two variants are named 'FP32'"), twice.getMessage());

        IllegalArgumentException baseline = assertThrows(IllegalArgumentException.class, () -> sevenVariants().baseline("fp32").build());
        assertTrue(baseline.getMessage().contains("'fp32' is not a variant") && baseline.getMessage().contains("FP16 file"),
                baseline.getMessage());
        assertFalse(assertThrows(IllegalArgumentException.class, () -> DeploymentReport.builder().build()).getMessage().isBlank());
    }
}
