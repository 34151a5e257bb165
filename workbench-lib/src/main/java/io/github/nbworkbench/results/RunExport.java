package io.github.nbworkbench.results;

import com.google.gson.JsonObject;
import io.github.nbworkbench.files.AtomicFiles;
import io.github.nbworkbench.train.History;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * Writes a run's results into one folder, {@code <results folder>/<run name>/}, in one call: the
 * History and other tables (CSV and JSON), charts (PNG and SVG, PDF on request), the model, and the
 * run card (JSON and Markdown).
 *
 * <pre>{@code
 * Path run = RunExport.of("cnn-baseline").history(history).table("classification", report.table())
 *     .chart("learning-curves", LearningCurves.of(history)).model(ExportableNetwork.of(net)).card(card)
 *     .save(Path.of("results"));
 * }</pre>
 *
 * Everything is first written to a hidden staging folder beside the run's folder (through
 * {@link ResultFolder}, the one writer of result files) and then renamed into place, so an export
 * that fails half-way (a full disk, a model that cannot be written) leaves the previous results of
 * that run as they were, and a reader never sees half a run. The run name and every file name must
 * be plain names, so nothing is written outside the chosen folder.
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
    private final Map<String, Function<ResultFolder, List<Path>>> charts = new LinkedHashMap<>();
    private final Map<String, AtomicFiles.Content> files = new LinkedHashMap<>();
    private ExportableModel model;
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

    /** An XChart chart of any kind, written as charts/{name}.png and .svg (and .pdf with {@link #withPdf()}). */
    public RunExport chart(String name, Chart<?, ?> chart) {
        Objects.requireNonNull(chart, "chart");
        putOnce(charts, FileNames.check(name, "chart name"), folder -> folder.chart(name, chart));
        return this;
    }

    /** A drawn image, e.g. a grid of charts, written as charts/{name}.png. */
    public RunExport chart(String name, BufferedImage image) {
        Objects.requireNonNull(image, "image");
        putOnce(charts, FileNames.check(name, "chart name"), folder -> List.of(folder.image(name, image)));
        return this;
    }

    /** Charts as PDF too. */
    public RunExport withPdf() {
        this.pdf = true;
        return this;
    }

    /**
     * The model, as model.zip: an {@link ExportableNetwork} (a DL4J network and its normalizer), a
     * {@code QuantizedModel} or a {@code LanguageModel}, each read back with its own {@code load}.
     */
    public RunExport model(ExportableModel model) {
        if (this.model != null) {
            throw new IllegalStateException("The run has a model already; export one model per run");
        }
        this.model = Objects.requireNonNull(model, "model");
        return this;
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
    public Path save(Path resultsFolder) {
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

    private void writeAll(Path staging) {
        ResultFolder folder = ResultFolder.of(staging);
        if (history != null) {
            folder.csv(HISTORY, history);
            folder.json(HISTORY, history);
        }
        ResultFolder tablesFolder = folder.folder(TABLES);
        tables.forEach((name, table) -> {
            tablesFolder.csv(name, table);
            tablesFolder.json(name, table);
        });
        ResultFolder chartsFolder = pdf ? folder.folder(CHARTS).withPdf() : folder.folder(CHARTS);
        charts.values().forEach(chart -> chart.apply(chartsFolder));
        if (model != null) {
            model.save(staging.resolve(MODEL));
        }
        files.forEach(folder::file);
        RunCard writtenCard = card != null ? card : history != null ? RunCard.builder().history(history).build() : null;
        if (writtenCard != null) {
            folder.text(CARD + ".json", withRunName(writtenCard));
            folder.text(CARD + ".md", writtenCard.toMarkdown(name));
        }
    }

    private String withRunName(RunCard card) {
        JsonObject json = new JsonObject();
        json.addProperty("run", name);
        card.json().entrySet().forEach(e -> json.add(e.getKey(), e.getValue()));
        return RunCard.GSON.toJson(json);
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
