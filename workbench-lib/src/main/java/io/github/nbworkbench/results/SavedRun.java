package io.github.nbworkbench.results;

import io.github.nbworkbench.plot.RunComparison;
import io.github.nbworkbench.tables.ReadableNumbers;
import io.github.nbworkbench.train.History;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A run that {@link RunExport} wrote, read back: its History, tables, run card and model, and
 * several runs compared in one Table and one chart.
 *
 * <pre>{@code
 * List<SavedRun> runs = SavedRun.loadAll(Path.of("results"));
 * SavedRun.compare(runs);              // one row per run: seed, data, epochs, time, final metrics
 * SavedRun.chart(runs, "val_loss");    // the metric per epoch, one line per run
 * }</pre>
 */
public final class SavedRun {

    private final Path folder;
    private final History history;
    private final RunCard card;

    private SavedRun(Path folder, History history, RunCard card) {
        this.folder = folder;
        this.history = history;
        this.card = card;
    }

    /** Reads the run in {@code runFolder}; refuses a folder that holds no History, run card or model. */
    public static SavedRun load(Path runFolder) {
        Path folder = runFolder.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("No saved run at " + folder + ": the folder does not exist");
        }
        Path historyFile = folder.resolve(RunExport.HISTORY + ".csv");
        Path cardFile = folder.resolve(RunExport.CARD + ".json");
        if (!Files.exists(historyFile) && !Files.exists(cardFile) && !Files.exists(folder.resolve(RunExport.MODEL))) {
            throw new IllegalArgumentException(folder + " is not a saved run: it has no " + historyFile.getFileName() + ", "
                    + cardFile.getFileName() + " or " + RunExport.MODEL + " (RunExport writes them)");
        }
        try {
            History history = Files.exists(historyFile) ? History.load(historyFile) : null;
            RunCard card = Files.exists(cardFile) ? RunCard.fromJson(Files.readString(cardFile, StandardCharsets.UTF_8)) : null;
            return new SavedRun(folder, history, card);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the run in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Every run in {@code resultsFolder}, by name; hidden folders (unfinished exports) are skipped. */
    public static List<SavedRun> loadAll(Path resultsFolder) {
        if (!Files.isDirectory(resultsFolder)) {
            throw new IllegalArgumentException("No results folder at " + resultsFolder.toAbsolutePath().normalize());
        }
        try (Stream<Path> entries = Files.list(resultsFolder)) {
            return entries.filter(Files::isDirectory)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted()
                    .map(SavedRun::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + resultsFolder + ": " + e.getMessage(), e);
        }
    }

    /** The run's name: its folder's name. */
    public String name() {
        return folder.getFileName().toString();
    }

    public Path folder() {
        return folder;
    }

    /** The History, or null when the run was exported without one. */
    public History history() {
        return history;
    }

    /** The run card, or null when the run was exported without one. */
    public RunCard card() {
        return card;
    }

    /** A table that was exported with {@code table(name, ...)}. */
    public Table table(String name) {
        Path file = folder.resolve(RunExport.TABLES).resolve(FileNames.check(name, "table name") + ".csv");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("The run '" + name() + "' has no table '" + name + "'");
        }
        return Table.read().csv(file.toFile()).setName(name);
    }

    /** The exported network (DL4J's model.zip), with its updater state. */
    public MultiLayerNetwork network() {
        Path file = folder.resolve(RunExport.MODEL);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("The run '" + name() + "' was exported without a model");
        }
        try {
            return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot load the model of the run '" + name() + "' from " + file + ": " + e.getMessage(), e);
        }
    }

    /** The normalizer exported with the network ({@code RunExport.model(net, normalizer)}), if there is one. */
    public Optional<DataNormalization> normalizer() {
        Path file = folder.resolve(RunExport.MODEL);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("The run '" + name() + "' was exported without a model");
        }
        try {
            return Optional.ofNullable(ModelSerializer.restoreNormalizerFromFile(file.toFile()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot load the normalizer of the run '" + name() + "' from " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * One row per run: run, seed, data hash, epochs trained, the epoch whose weights were saved, training
     * seconds, determinism, and each final metric (that of the saved weights).
     */
    public static Table compare(List<SavedRun> runs) {
        StringColumn names = StringColumn.create("run");
        StringColumn seeds = StringColumn.create("seed");
        StringColumn data = StringColumn.create("data_hash");
        IntColumn epochs = IntColumn.create("epochs");
        IntColumn modelEpochs = IntColumn.create("model_epoch");
        DoubleColumn seconds = DoubleColumn.create("training_s");
        StringColumn deterministic = StringColumn.create("deterministic");
        Set<String> metricNames = new LinkedHashSet<>();
        runs.forEach(run -> metricNames.addAll(run.finalMetrics().keySet()));
        Map<String, DoubleColumn> metrics = new LinkedHashMap<>();
        metricNames.forEach(metric -> metrics.put(metric, DoubleColumn.create(metric)));
        for (SavedRun run : runs) {
            names.append(run.name());
            seeds.append(run.card == null || run.card.seed() == null ? "" : run.card.seed().toString());
            String hash = run.card == null ? null : run.card.field("data", "hash");
            data.append(hash == null ? "" : hash.substring(0, Math.min(hash.length(), 19)));
            epochs.append(run.history == null ? 0 : run.history.rowCount());
            Integer modelEpoch = run.card == null ? null : run.card.modelEpoch();
            modelEpochs.append(modelEpoch != null ? modelEpoch : run.history == null ? 0 : run.history.modelEpoch());
            seconds.append(run.history == null || run.history.rowCount() == 0 ? Double.NaN : run.history.numberColumn(History.SECONDS).sum());
            String identical = run.card == null ? null : run.card.field("determinism", "identical_weights");
            deterministic.append(identical == null ? "not checked" : identical.equals("true") ? "yes" : "no");
            Map<String, Double> values = run.finalMetrics();
            metrics.forEach((metric, column) -> column.append(values.getOrDefault(metric, Double.NaN)));
        }
        ReadableNumbers.apply(seconds);
        metrics.values().forEach(ReadableNumbers::apply);
        Table table = Table.create("Runs", names, seeds, data, epochs, modelEpochs, seconds, deterministic);
        metrics.values().forEach(table::addColumns);
        return table;
    }

    /** {@code metric} per epoch, one line per run that has a History with it. */
    public static XYChart chart(List<SavedRun> runs, String metric) {
        Map<String, History> histories = new LinkedHashMap<>();
        runs.stream().filter(run -> run.history != null && run.history.containsColumn(metric)).forEach(run -> histories.put(run.name(), run.history));
        if (histories.isEmpty()) {
            throw new IllegalArgumentException("None of the runs " + runs.stream().map(SavedRun::name).toList() + " has a History with '" + metric + "'");
        }
        return RunComparison.of(histories, metric);
    }

    /** The card's final metrics, or else the History's last epoch. */
    private Map<String, Double> finalMetrics() {
        if (card != null && !card.finalMetrics().isEmpty()) {
            return card.finalMetrics();
        }
        return history == null ? Map.of() : RunCard.finalMetricsOf(history);
    }
}
