package io.github.nbworkbench.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;

/**
 * Appends one CSV row per epoch to a file, with the history's columns, so a run's progress survives
 * a crash; each row is written and closed before training goes on. {@link History#load} reads the
 * file back. A new run overwrites the file unless {@link #append()} was asked for.
 */
public final class CsvLogger implements Callback {

    private final Path file;
    private boolean append;

    public CsvLogger(Path file) {
        this.file = file;
    }

    /** Adds to an existing file instead of starting it anew (the header is written only when the file is empty). */
    public CsvLogger append() {
        this.append = true;
        return this;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            boolean hasRows = Files.exists(file) && Files.size(file) > 0;
            if (!append || !hasRows) {
                Files.writeString(file, String.join(",", context.history().columnNames()) + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the training log " + file, e);
        }
    }

    @Override
    public void onEpochEnd(TrainingContext context, EpochValues values) {
        String row = values.epoch() + "," + values.values().values().stream()
                .map(value -> Double.isNaN(value) ? "" : Double.toString(value))
                .collect(Collectors.joining(","));
        try {
            Files.writeString(file, row + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the training log " + file, e);
        }
    }
}
