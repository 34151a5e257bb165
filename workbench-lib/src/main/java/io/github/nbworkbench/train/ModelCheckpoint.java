package io.github.nbworkbench.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Saves a {@link Checkpoint} after epochs, either the best so far by a monitored value
 * ({@link #keepBest}) or every epoch keeping the last N files ({@link #keepLast}). Every file is
 * written atomically (temporary file in the same folder, then an atomic rename), so a crash while
 * saving leaves the previous checkpoint intact, and what a killed process left of an unfinished write
 * is deleted at the next checkpoint or resume; any checkpoint can be given to {@link Trainer#resumeFrom}.
 */
public final class ModelCheckpoint implements Callback {

    private static final Pattern EPOCH_FILE = Pattern.compile("epoch-(\\d+)\\.zip");

    private final Path target;
    private final String monitor;
    private final int keep;
    private Mode mode = Mode.AUTO;
    private MonitorTracker tracker;

    private ModelCheckpoint(Path target, String monitor, int keep) {
        this.target = target;
        this.monitor = monitor;
        this.keep = keep;
    }

    /** Writes {@code file} whenever {@code monitor} (e.g. val_loss) reaches a new best; mode AUTO unless {@link #mode} says otherwise. */
    public static ModelCheckpoint keepBest(Path file, String monitor) {
        ModelCheckpoint checkpoint = new ModelCheckpoint(file, monitor, 1);
        checkpoint.tracker = new MonitorTracker(monitor, Mode.AUTO, 0);
        return checkpoint;
    }

    /** Writes {@code folder/epoch-NNNN.zip} after every epoch and deletes all but the newest {@code count} of them. */
    public static ModelCheckpoint keepLast(Path folder, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("Keep at least one checkpoint, got " + count);
        }
        return new ModelCheckpoint(folder, null, count);
    }

    /** The newest {@code epoch-NNNN.zip} checkpoint in {@code folder}, if there is one. */
    public static Optional<Path> latestIn(Path folder) {
        return epochFiles(folder).stream().max(Comparator.comparingInt(ModelCheckpoint::epochOf));
    }

    /** For {@link #keepBest}: whether lower or higher values of the monitor are better. */
    public ModelCheckpoint mode(Mode mode) {
        if (monitor == null) {
            throw new IllegalStateException("mode(...) applies to keepBest checkpoints only");
        }
        this.mode = mode;
        this.tracker = new MonitorTracker(monitor, mode, 0);
        return this;
    }

    @Override
    public List<String> monitors() {
        return monitor == null ? List.of() : List.of(monitor);
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        if (monitor == null) {
            return;
        }
        tracker = new MonitorTracker(monitor, mode, 0);
        History history = context.history();
        for (int row = 0; row < history.rowCount(); row++) {
            tracker.update(history.epochValues(history.intColumn(History.EPOCH).getInt(row)));
        }
    }

    @Override
    public void onEpochEnd(TrainingContext context, EpochValues values) {
        if (monitor != null) {
            if (tracker.update(values)) {
                Checkpoint.write(target, context.trainable(), values.epoch(), context.seed(), context.history());
            }
            return;
        }
        Path file = target.resolve(String.format("epoch-%04d.zip", values.epoch()));
        Checkpoint.write(file, context.trainable(), values.epoch(), context.seed(), context.history());
        deleteAllButNewest();
    }

    private void deleteAllButNewest() {
        List<Path> files = epochFiles(target).stream().sorted(Comparator.comparingInt(ModelCheckpoint::epochOf).reversed()).toList();
        for (Path old : files.subList(Math.min(keep, files.size()), files.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete the old checkpoint " + old, e);
            }
        }
    }

    static boolean isEpochFileName(String fileName) {
        return EPOCH_FILE.matcher(fileName).matches();
    }

    private static List<Path> epochFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> EPOCH_FILE.matcher(file.getFileName().toString()).matches()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the checkpoints in " + folder, e);
        }
    }

    private static int epochOf(Path file) {
        Matcher matcher = EPOCH_FILE.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(file + " is not an epoch checkpoint");
        }
        return Integer.parseInt(matcher.group(1));
    }
}
