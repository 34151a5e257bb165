package io.github.nbworkbench.train;

import io.github.nbworkbench.files.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A training run frozen after an epoch, enough to continue it exactly: the model with its updater
 * state (DL4J's format), the finished epoch, the run's seed (every epoch's random state derives
 * from it, see {@link Seeds}) and the history so far.
 *
 * <p>The file is a zip with {@code checkpoint.properties}, {@code model.zip} and {@code history.csv},
 * written to a temporary file in the same folder and renamed over the target atomically, so a crash
 * never leaves a half-written checkpoint under the target's name. {@link #load} checks every part
 * and refuses a truncated or foreign file with a message that says so.
 */
public final class Checkpoint {

    private static final String FORMAT = "nbworkbench-checkpoint";
    private static final String VERSION = "1";
    private static final String PROPERTIES_ENTRY = "checkpoint.properties";
    private static final String MODEL_ENTRY = "model.zip";
    private static final String HISTORY_ENTRY = "history.csv";
    private static final String GRAPH = "ComputationGraph";
    private static final String NETWORK = "MultiLayerNetwork";

    private final Model model;
    private final int epoch;
    private final long seed;
    private final History history;

    private Checkpoint(Model model, int epoch, long seed, History history) {
        this.model = model;
        this.epoch = epoch;
        this.seed = seed;
        this.history = history;
    }

    /**
     * Writes {@code model} (with its updater state) after {@code epoch}, with the run's seed and history,
     * atomically to {@code file}; first deletes what a killed process left of earlier writes of checkpoints in that folder.
     */
    public static void write(Path file, TrainableModel model, int epoch, long seed, History history) {
        deleteLeftoverWrites(file);
        Properties properties = new Properties();
        properties.setProperty("format", FORMAT);
        properties.setProperty("version", VERSION);
        properties.setProperty("epoch", Integer.toString(epoch));
        properties.setProperty("seed", Long.toString(seed));
        properties.setProperty("modelType", model.model() instanceof org.deeplearning4j.nn.graph.ComputationGraph ? GRAPH : NETWORK);
        try {
            AtomicFiles.write(file, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                zip.putNextEntry(new ZipEntry(PROPERTIES_ENTRY));
                properties.store(zip, "training checkpoint");
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(MODEL_ENTRY));
                ByteArrayOutputStream modelBytes = new ByteArrayOutputStream();
                model.write(modelBytes, true);
                modelBytes.writeTo(zip);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(HISTORY_ENTRY));
                ByteArrayOutputStream historyBytes = new ByteArrayOutputStream();
                history.save(historyBytes); // Tablesaw closes the stream it writes to
                historyBytes.writeTo(zip);
                zip.closeEntry();
                zip.finish();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes the temporary files that writes of checkpoints (this file, or epoch files of {@link ModelCheckpoint#keepLast})
     * left in {@code file}'s folder when their process was killed.
     */
    static void deleteLeftoverWrites(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        try {
            AtomicFiles.deleteLeftovers(folder, target -> target.equals(name) || ModelCheckpoint.isEpochFileName(target));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the unfinished checkpoint files in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Reads a checkpoint; fails with a clear message when the file is missing, truncated, or not a checkpoint. */
    public static Checkpoint load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No checkpoint at " + file.toAbsolutePath());
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Properties properties = new Properties();
            try (InputStream in = entry(zip, file, PROPERTIES_ENTRY)) {
                properties.load(in);
            } catch (IllegalArgumentException e) {
                throw notACheckpoint(file, "its " + PROPERTIES_ENTRY + " is garbled (" + e.getMessage() + ")", e);
            }
            if (!FORMAT.equals(properties.getProperty("format"))) {
                throw notACheckpoint(file, "its " + PROPERTIES_ENTRY + " is not a workbench checkpoint's", null);
            }
            if (!VERSION.equals(properties.getProperty("version"))) {
                throw notACheckpoint(file, "it has format version " + properties.getProperty("version") + ", this workbench reads " + VERSION, null);
            }
            byte[] modelBytes;
            try (InputStream in = entry(zip, file, MODEL_ENTRY)) {
                modelBytes = in.readAllBytes();
            }
            Model model = restoreModel(file, properties.getProperty("modelType"), modelBytes);
            History history;
            try (InputStream in = entry(zip, file, HISTORY_ENTRY)) {
                history = History.load(new InputStreamReader(in, StandardCharsets.UTF_8), file + "!" + HISTORY_ENTRY);
            }
            return new Checkpoint(model, Integer.parseInt(properties.getProperty("epoch")),
                    Long.parseLong(properties.getProperty("seed")), history);
        } catch (ZipException e) {
            throw notACheckpoint(file, "it is truncated or not a zip file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the checkpoint " + file + ": " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw notACheckpoint(file, "its epoch or seed is not a number", e);
        }
    }

    /** The model as saved, with its updater state. */
    public Model model() {
        return model;
    }

    /** The last finished epoch (1-based). */
    public int epoch() {
        return epoch;
    }

    /** The run's seed. */
    public long seed() {
        return seed;
    }

    /** The history up to {@link #epoch()}. */
    public History history() {
        return history;
    }

    /**
     * Copies the saved parameters, updater state, iteration and epoch counts and learning rate into
     * {@code target}, a network built from the same configuration.
     */
    public void restoreInto(TrainableModel target) {
        TrainableModel saved = TrainableModel.of(model);
        if (saved.params().length() != target.params().length()) {
            throw new IllegalArgumentException("The checkpoint's model has " + saved.params().length() + " parameters but the network to resume has "
                    + target.params().length() + ": build the network from the configuration the checkpoint was trained with.");
        }
        INDArray savedState = saved.updaterState();
        INDArray targetState = target.updaterState();
        long savedLength = savedState == null ? 0 : savedState.length();
        long targetLength = targetState == null ? 0 : targetState.length();
        if (savedLength != targetLength) {
            throw new IllegalArgumentException("The checkpoint's updater state has " + savedLength + " values but the network's updater has "
                    + targetLength + ": use the same updater (e.g. Adam) as the run that wrote the checkpoint.");
        }
        target.setParams(saved.params());
        if (savedState != null) {
            target.setUpdaterState(savedState);
        }
        target.setIterationCount(saved.iterationCount());
        if (saved.epochCount() > 0) {
            // incrementing (rather than setting) also copies the counts into every layer, as DL4J does after each epoch
            target.setEpochCount(saved.epochCount() - 1);
            target.incrementEpochCount();
        } else {
            target.setEpochCount(0);
        }
        saved.learningRate().ifPresent(rate -> {
            if (target.learningRate().orElse(Double.NaN) != rate) {
                target.setLearningRate(rate);
            }
        });
    }

    private static InputStream entry(ZipFile zip, Path file, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw notACheckpoint(file, "it has no " + name + " (entries: " + Arrays.toString(zip.stream().map(ZipEntry::getName).toArray()) + ")", null);
        }
        return zip.getInputStream(entry);
    }

    private static Model restoreModel(Path file, String type, byte[] bytes) {
        try {
            if (GRAPH.equals(type)) {
                return ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes), true);
            }
            if (NETWORK.equals(type)) {
                return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), true);
            }
        } catch (IOException | RuntimeException e) {
            throw notACheckpoint(file, "its model cannot be read (" + e.getMessage() + ")", e);
        }
        throw notACheckpoint(file, "its model type '" + type + "' is neither " + NETWORK + " nor " + GRAPH, null);
    }

    private static IllegalArgumentException notACheckpoint(Path file, String why, Exception cause) {
        return new IllegalArgumentException("Not a usable checkpoint: " + file.toAbsolutePath() + ": " + why
                + ". Resume from an earlier checkpoint instead.", cause);
    }
}
