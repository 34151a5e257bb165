package io.github.nbworkbench.progress;

import io.github.nbworkbench.train.History;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Training progress as text. In a terminal one line is rewritten in place with {@code \r} (epoch,
 * bar, batch/batches, loss, samples/s) at most four times a second, and each finished epoch leaves
 * one line with its values. Elsewhere (a file, a pipe, a notebook without the live display) only the
 * line per finished epoch is printed. Never one line per batch.
 */
public final class ConsoleProgress implements TrainingProgress {

    private static final long REDRAW_INTERVAL_NANOS = 250_000_000L;
    private static final int BAR_WIDTH = 24;

    private final PrintStream out;
    private final boolean interactive;
    private final LongSupplier clock;
    private int lastEpoch;
    private long lastDraw = Long.MIN_VALUE;
    private int drawnWidth;

    /** Prints to standard output; rewrites a line in place when there is a console. */
    public ConsoleProgress() {
        this(System.out, System.console() != null, System::nanoTime);
    }

    /** Prints to {@code out}; {@code interactive} chooses the in-place line; {@code clock} gives nanoseconds. */
    public ConsoleProgress(PrintStream out, boolean interactive, LongSupplier clock) {
        this.out = out;
        this.interactive = interactive;
        this.clock = clock;
    }

    @Override
    public void start(TrainingStart start) {
        lastEpoch = start.lastEpoch();
        if (start.firstEpoch() > 1) {
            out.println((start.title() == null ? "Training" : start.title()) + ": resuming at epoch " + start.firstEpoch() + "/" + lastEpoch);
        }
    }

    @Override
    public void batch(BatchProgress progress) {
        if (!interactive) {
            return;
        }
        long now = clock.getAsLong();
        boolean lastBatch = progress.batch() == progress.batchesPerEpoch();
        if (!lastBatch && lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_INTERVAL_NANOS) {
            return;
        }
        lastDraw = now;
        draw(batchLine(progress));
    }

    @Override
    public void epoch(EpochEnd epoch) {
        String line = epochLine(epoch);
        if (interactive) {
            draw(line);
            out.println();
            drawnWidth = 0;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Prints the label and the text, indented, on lines of their own. */
    @Override
    public void note(String label, String text) {
        if (drawnWidth > 0) {
            out.println();
            drawnWidth = 0;
        }
        out.println(label + ":");
        text.lines().forEach(line -> out.println("    " + line));
        out.flush();
    }

    @Override
    public void end(String outcome) {
        if (drawnWidth > 0) {
            out.println();
            drawnWidth = 0;
        }
        out.println("Training " + outcome);
        out.flush();
    }

    String batchLine(BatchProgress progress) {
        StringBuilder line = new StringBuilder(epochLabel(progress.epoch())).append(' ');
        if (progress.batchesPerEpoch() > 0) {
            int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * progress.batch() / progress.batchesPerEpoch());
            line.append('[').append("=".repeat(filled));
            if (filled < BAR_WIDTH) {
                line.append('>').append(" ".repeat(BAR_WIDTH - filled - 1));
            }
            line.append("] ").append(progress.batch()).append('/').append(progress.batchesPerEpoch());
        } else {
            line.append("batch ").append(progress.batch());
        }
        line.append(String.format(Locale.ROOT, "  loss %.4f  %.0f samples/s", progress.loss(), progress.samplesPerSecond()));
        return line.toString();
    }

    String epochLine(EpochEnd epoch) {
        StringBuilder line = new StringBuilder(epochLabel(epoch.epoch()));
        for (Map.Entry<String, Double> value : epoch.values().entrySet()) {
            line.append("  ").append(value.getKey()).append(' ').append(format(value.getKey(), value.getValue()));
        }
        return line.toString();
    }

    private String epochLabel(int epoch) {
        return "Epoch " + epoch + "/" + lastEpoch;
    }

    private static String format(String name, double value) {
        return switch (name) {
            case History.LEARNING_RATE -> String.format(Locale.ROOT, "%.3g", value);
            case History.SECONDS -> String.format(Locale.ROOT, "%.1f", value);
            case History.SAMPLES_PER_SECOND -> String.format(Locale.ROOT, "%.0f", value);
            default -> String.format(Locale.ROOT, "%.4f", value);
        };
    }

    private void draw(String line) {
        int padding = Math.max(0, drawnWidth - line.length());
        out.print("\r" + line + " ".repeat(padding));
        out.flush();
        drawnWidth = line.length();
    }
}
