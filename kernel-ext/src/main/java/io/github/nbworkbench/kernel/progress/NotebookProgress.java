package io.github.nbworkbench.kernel.progress;

import io.github.nbworkbench.progress.BatchProgress;
import io.github.nbworkbench.progress.EpochEnd;
import io.github.nbworkbench.progress.TrainingProgress;
import io.github.nbworkbench.progress.TrainingStart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A training run's progress as one notebook output, redrawn in place: at most every
 * {@link #BATCH_REDRAW_INTERVAL} from {@link #batch}, and always at {@link #epoch} and {@link #end}.
 * One instance shows one run. Events before {@link #start} or after {@link #end} are ignored, so a
 * batch reported late from another thread cannot reopen a finished display.
 *
 * <p>Synchronized: the trainer may report from any thread, and each redraw must leave before the next.
 */
public final class NotebookProgress implements TrainingProgress {
    static final Duration BATCH_REDRAW_INTERVAL = Duration.ofMillis(250);

    private final LiveDisplay display;
    private final LongSupplier nanoClock;
    private final List<EpochEnd> epochs = new ArrayList<>();
    private TrainingStart start;
    private long startNanos;
    private UpdateThrottle throttle;
    private BatchProgress lastBatch;
    private Optional<String> chart = Optional.empty();
    private String outcome;
    private RunSnapshot.Note note;

    NotebookProgress(LiveDisplay display, LongSupplier nanoClock) {
        this.display = display;
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized void start(TrainingStart start) {
        if (this.start != null) {
            throw new IllegalStateException("this progress display already shows the run '" + this.start.title() + "'");
        }
        this.start = start;
        this.startNanos = nanoClock.getAsLong();
        this.throttle = new UpdateThrottle(BATCH_REDRAW_INTERVAL, startNanos);
        redraw();
    }

    @Override
    public synchronized void batch(BatchProgress progress) {
        if (!isRunning()) {
            return;
        }
        lastBatch = progress;
        if (throttle.isDue(nanoClock.getAsLong())) {
            redraw();
        }
    }

    @Override
    public synchronized void epoch(EpochEnd epoch) {
        if (!isRunning()) {
            return;
        }
        epochs.add(epoch);
        chart = LossChart.pngBase64(epochs);
        redraw();
    }

    @Override
    public synchronized void note(String label, String text) {
        if (!isRunning()) {
            return;
        }
        note = new RunSnapshot.Note(label, text);
        redraw();
    }

    @Override
    public synchronized void end(String outcome) {
        if (!isRunning()) {
            return;
        }
        this.outcome = outcome;
        redraw();
    }

    private boolean isRunning() {
        return start != null && outcome == null;
    }

    private void redraw() {
        long now = nanoClock.getAsLong();
        RunSnapshot run = new RunSnapshot(start, lastBatch, epochs, outcome, Duration.ofNanos(now - startNanos), note);
        display.show(ProgressHtml.render(run, chart), ProgressText.line(run));
        throttle.updated(now);
    }
}
