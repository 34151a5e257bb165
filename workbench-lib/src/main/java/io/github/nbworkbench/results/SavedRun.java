package io.github.nbworkbench.results;

import io.github.nbworkbench.train.History;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import tech.tablesaw.api.Table;

/**
 * A run that {@link RunExport} wrote, read back: its History, tables, run card and model; and every
 * run of a results folder as {@link Runs}, to compare them.
 *
 * <pre>{@code
 * SavedRun run = SavedRun.load(Path.of("results/cnn-baseline"));
 * run.network();
 * Runs runs = SavedRun.loadAll(Path.of("results"));
 * runs.table();                  // one row per run: seed, data, epochs, time, final metrics
 * runs.chart("val_loss");        // the metric per epoch, one line per run
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

    /** Every run in {@code resultsFolder}, by name, to compare; hidden folders (unfinished exports) are skipped. */
    public static Runs loadAll(Path resultsFolder) {
        if (!Files.isDirectory(resultsFolder)) {
            throw new IllegalArgumentException("No results folder at " + resultsFolder.toAbsolutePath().normalize());
        }
        try (Stream<Path> entries = Files.list(resultsFolder)) {
            return Runs.saved(entries.filter(Files::isDirectory)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted()
                    .map(SavedRun::load)
                    .toList());
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

    /** The normalizer exported with the network ({@code ExportableNetwork.of(net, normalizer)}), if there is one. */
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
}
