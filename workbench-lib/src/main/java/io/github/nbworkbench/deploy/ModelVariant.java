package io.github.nbworkbench.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import tech.tablesaw.api.Table;

/**
 * One variant of a model for a {@link DeploymentReport}: its size, its test accuracy and, if it was
 * measured, its speed.
 *
 * <pre>{@code
 * ModelVariant.named("int8 weights").size(Path.of("model-int8.bin")).accuracy(0.9141).speedFromBenchmark();
 * ModelVariant.named("FP16 file").size(1_702_345).accuracy(0.9150);      // no speed figure
 * }</pre>
 */
public final class ModelVariant {

    private final String name;
    private Long sizeBytes;
    private Long compressedBytes;
    private Double accuracy;
    private Speed speed;
    private boolean speedFromBenchmark;

    private ModelVariant(String name) {
        this.name = name;
    }

    public static ModelVariant named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A variant needs a name, such as \"int8 weights\"");
        }
        return new ModelVariant(name);
    }

    public String name() {
        return name;
    }

    /** The stored size, e.g. of the model file. */
    public ModelVariant size(long bytes) {
        this.sizeBytes = positive(bytes, "size");
        return this;
    }

    /** The stored size: the size of {@code file}. */
    public ModelVariant size(Path file) {
        return size(fileSize(file));
    }

    /** The size compressed (e.g. gzip), which is what pruning and clustering reduce. */
    public ModelVariant compressedSize(long bytes) {
        this.compressedBytes = positive(bytes, "compressed size");
        return this;
    }

    /** The compressed size: the size of {@code compressedFile}. */
    public ModelVariant compressedSize(Path compressedFile) {
        return compressedSize(fileSize(compressedFile));
    }

    /** Test accuracy as a fraction from 0 to 1, as {@code Evaluation.accuracy()} returns it. */
    public ModelVariant accuracy(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("Accuracy of '" + name + "' must be a fraction from 0 to 1, as Evaluation.accuracy() "
                    + "returns it; got " + fraction + (fraction > 1 && fraction <= 100 ? " (for " + fraction + " % pass " + fraction / 100 + ")" : ""));
        }
        this.accuracy = fraction;
        return this;
    }

    /** A speed measured elsewhere: median latency of one call in ms and samples per second, at the report's batch size. */
    public ModelVariant speed(double p50Ms, double samplesPerSecond) {
        this.speed = new Speed(p50Ms, samplesPerSecond);
        return this;
    }

    /** The speed is the row of this variant's name in the report's benchmark table, at its batch size. */
    public ModelVariant speedFromBenchmark() {
        this.speedFromBenchmark = true;
        return this;
    }

    VariantFigures figures(Optional<Table> benchmark, int batchSize) {
        if (sizeBytes == null || accuracy == null) {
            throw new IllegalArgumentException("Variant '" + name + "' needs a size and an accuracy; give them with "
                    + "size(bytes or file) and accuracy(fraction)");
        }
        if (speed != null && speedFromBenchmark) {
            throw new IllegalArgumentException("Variant '" + name + "' has a speed twice: from speed(...) and from the benchmark; keep one");
        }
        Speed measured = speed;
        if (speedFromBenchmark) {
            Table table = benchmark.orElseThrow(() -> new IllegalArgumentException("Variant '" + name
                    + "' takes its speed from the benchmark, but the report has none; give it with benchmark(table, batchSize)"));
            measured = Speed.fromBenchmark(table, name, batchSize);
        }
        return new VariantFigures(name, sizeBytes, compressedBytes == null ? OptionalLong.empty() : OptionalLong.of(compressedBytes),
                accuracy, Optional.ofNullable(measured));
    }

    private long positive(long bytes, String what) {
        if (bytes < 1) {
            throw new IllegalArgumentException("The " + what + " of '" + name + "' must be 1 byte or more, got " + bytes);
        }
        return bytes;
    }

    private long fileSize(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Cannot take the size of '" + name + "' from " + file.toAbsolutePath()
                    + ": there is no such file. Save the model there first, or give the size in bytes.");
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + file.toAbsolutePath(), e);
        }
    }
}
