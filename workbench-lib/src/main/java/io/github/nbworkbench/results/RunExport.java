package io.github.nbworkbench.results;

import com.google.gson.JsonObject;
import io.github.nbworkbench.deploy.QuantizedModel;
import io.github.nbworkbench.files.AtomicFiles;
import io.github.nbworkbench.plot.Charts;
import io.github.nbworkbench.text.LanguageModel;
import io.github.nbworkbench.train.History;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.knowm.xchart.internal.chartpart.Chart;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import tech.tablesaw.api.Table;

/**
 * Writes a run's results into one folder, {@code <results folder>/<run name>/}, in one call: the
 * History and other tables (CSV and JSON), charts (PNG and SVG, PDF on request), the model, and the
 * run card (JSON and Markdown).
 *
 * <pre>{@code
 * Path run = RunExport.of("cnn-baseline").history(history).table("classification", report.table())
 *     .chart("learning-curves", LearningCurves.of(history)).model(net).card(card)
 *     .writeTo(Path.of("results"));
 * }</pre>
 *
 * Everything is first written to a hidden staging folder beside the run's folder and then renamed
 * into place, so an export that fails half-way (a full disk, a model that cannot be written) leaves
 * the previous results of that run as they were, and a reader never sees half a run. The run name
 * and every file name must be plain names, so nothing is written outside the chosen folder.
 */
public final class RunExport {

    public static final String HISTORY = "history";
    public static final String CARD = "run_card";
    public static final String MODEL = "model.zip";
    public static final String TABLES = "tables";
    public static final String CHARTS = "charts";

    private final String name;
    private History history;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Object> charts = new LinkedHashMap<>();
    private final Map<String, AtomicFiles.Content> files = new LinkedHashMap<>();
    private ModelWriter model;
    private RunCard card;
    private boolean pdf;

    private RunExport(String name) {
        this.name = FileNames.check(name, "run name");
    }

    /** Starts the export of the run called {@code runName}: its folder's name. */
    public static RunExport of(String runName) {
        return new RunExport(runName);
    }

    public RunExport history(History history) {
        this.history = Objects.requireNonNull(history, "history");
        return this;
    }

    /** A table, written as tables/{name}.csv and tables/{name}.json. */
    public RunExport table(String name, Table table) {
        putOnce(tables, FileNames.check(name, "table name"), Objects.requireNonNull(table, "table"));
        return this;
    }

    /** An XChart chart or a BufferedImage, written as charts/{name}.png and, for charts, .svg (and .pdf with {@link #withPdf()}). */
    public RunExport chart(String name, Object chart) {
        putOnce(charts, FileNames.check(name, "chart name"), Objects.requireNonNull(chart, "chart"));
        return this;
    }

    /** Charts as PDF too. */
    public RunExport withPdf() {
        this.pdf = true;
        return this;
    }

    /** The network with its updater state, as DL4J's model.zip. */
    public RunExport model(MultiLayerNetwork net) {
        return model(net, null);
    }

    /** The network and the normalizer its inputs need, both in DL4J's model.zip (read back with SavedRun's network() and normalizer()). */
    public RunExport model(MultiLayerNetwork net, DataNormalization normalizer) {
        Objects.requireNonNull(net, "net");
        return setModel(file -> {
            // writeModel(net, file, true, normalizer) fails in DL4J 1.0.0-M2.1: the normalizer's serializer closes the zip stream
            ModelSerializer.writeModel(net, file.toFile(), true);
            if (normalizer != null) {
                ModelSerializer.addNormalizerToModel(file.toFile(), normalizer);
            }
        });
    }

    /** A language model with its vocabulary, in model.zip (read back with LanguageModel.load). */
    public RunExport model(LanguageModel languageModel) {
        Objects.requireNonNull(languageModel, "languageModel");
        return setModel(languageModel::save);
    }

    /** An int8 model with its scales, in model.zip (read back with QuantizedModel.load). */
    public RunExport model(QuantizedModel quantized) {
        Objects.requireNonNull(quantized, "quantized");
        return setModel(quantized::save);
    }

    /** The run card; without one, an export with a History gets a card built from it (epochs, the model's epoch, its metrics). */
    public RunExport card(RunCard card) {
        this.card = Objects.requireNonNull(card, "card");
        return this;
    }

    /** Any other file, at the top of the run's folder. */
    public RunExport file(String fileName, AtomicFiles.Content content) {
        putOnce(files, FileNames.check(fileName, "file name"), Objects.requireNonNull(content, "content"));
        return this;
    }

    /**
     * Writes the run into {@code resultsFolder}/{run name}, replacing an earlier export of the same
     * run only once the new one is complete, and returns that folder.
     */
    public Path writeTo(Path resultsFolder) {
        Path root = resultsFolder.toAbsolutePath().normalize();
        Path target = root.resolve(name);
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IllegalArgumentException("Cannot export the run '" + name + "' to " + target + ": a file of that name is there,"
                    + " and RunExport replaces only earlier exports of the run (folders). Move or rename the file, or give the run another name"
                    + " in RunExport.of(...)");
        }
        Path staging = root.resolve("." + name + ".staging-" + UUID.randomUUID());
        try {
            Files.createDirectories(root);
            Files.createDirectory(staging);
        } catch (AccessDeniedException e) {
            throw new UncheckedIOException("Cannot write results into " + root + ": permission denied; choose a folder you can write to", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write results into " + root + ": " + e, e);
        }
        try {
            writeAll(staging);
            moveIntoPlace(staging, target);
            return target;
        } catch (IOException | RuntimeException e) {
            String previous = Files.exists(target) ? "; the previous results in " + target + " are unchanged" : "";
            throw new UncheckedIOException("Could not export the run '" + name + "' to " + target + ": " + e.getMessage() + previous,
                    e instanceof IOException io ? io : new IOException(e));
        } finally {
            deleteRecursively(staging);
        }
    }

    private void writeAll(Path folder) throws IOException {
        if (history != null) {
            history.save(folder.resolve(HISTORY + ".csv"));
            Files.writeString(folder.resolve(HISTORY + ".json"), TableJson.of(history), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, Table> table : tables.entrySet()) {
            Path tablesFolder = Files.createDirectories(folder.resolve(TABLES));
            table.getValue().write().csv(tablesFolder.resolve(table.getKey() + ".csv").toFile());
            Files.writeString(tablesFolder.resolve(table.getKey() + ".json"), TableJson.of(table.getValue()), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, Object> chart : charts.entrySet()) {
            Path chartsFolder = folder.resolve(CHARTS);
            for (String extension : extensionsFor(chart.getValue())) {
                Path file = chartsFolder.resolve(chart.getKey() + extension);
                if (chart.getValue() instanceof BufferedImage image) {
                    Charts.save(image, file);
                } else {
                    Charts.save((Chart<?, ?>) chart.getValue(), file);
                }
            }
        }
        if (model != null) {
            model.write(folder.resolve(MODEL));
        }
        for (Map.Entry<String, AtomicFiles.Content> file : files.entrySet()) {
            write(folder.resolve(file.getKey()), file.getValue());
        }
        RunCard writtenCard = card != null ? card : history != null ? RunCard.builder().history(history).build() : null;
        if (writtenCard != null) {
            Files.writeString(folder.resolve(CARD + ".json"), withRunName(writtenCard), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(CARD + ".md"), writtenCard.toMarkdown(name), StandardCharsets.UTF_8);
        }
    }

    private String withRunName(RunCard card) {
        JsonObject json = new JsonObject();
        json.addProperty("run", name);
        card.json().entrySet().forEach(e -> json.add(e.getKey(), e.getValue()));
        return RunCard.GSON.toJson(json);
    }

    private List<String> extensionsFor(Object chart) {
        List<String> extensions = new ArrayList<>(List.of(".png"));
        if (!(chart instanceof BufferedImage)) {
            extensions.add(".svg");
            if (pdf) {
                extensions.add(".pdf");
            }
        }
        return extensions;
    }

    private static void write(Path file, AtomicFiles.Content content) throws IOException {
        try (var out = Files.newOutputStream(file)) {
            content.writeTo(out);
        }
    }

    /** Renames the complete staging folder to the run's folder, moving an earlier export aside first and deleting it after. */
    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        Path previous = null;
        if (Files.exists(target)) {
            previous = target.resolveSibling("." + target.getFileName() + ".previous-" + UUID.randomUUID());
            Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (previous != null) {
                Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        deleteRecursively(previous);
    }

    private RunExport setModel(ModelWriter writer) {
        if (model != null) {
            throw new IllegalStateException("The run has a model already; export one model per run");
        }
        model = writer;
        return this;
    }

    /** Writes a model, with whatever it needs to be used again, to one file. */
    private interface ModelWriter {
        void write(Path file) throws IOException;
    }

    private static <T> void putOnce(Map<String, T> map, String key, T value) {
        if (map.putIfAbsent(key, value) != null) {
            throw new IllegalArgumentException("'" + key + "' is in this export already; give each one its own name");
        }
    }

    private static void deleteRecursively(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clean up " + folder + ": " + e.getMessage(), e);
        }
    }
}
