package io.github.nbworkbench.kernel.progress;

import io.github.nbworkbench.progress.BatchProgress;
import io.github.nbworkbench.progress.EpochEnd;
import io.github.nbworkbench.progress.TrainingStart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a live progress display shows at one moment. {@code lastBatch} is null before the first
 * batch, {@code outcome} is null while the run goes on, {@code note} is null until a callback shows
 * one. Rendering is a pure function of this.
 */
record RunSnapshot(TrainingStart start, BatchProgress lastBatch, List<EpochEnd> epochs, String outcome,
                   Duration elapsed, Note note) {

    /** A short labelled text shown with the progress, such as a generated sample. */
    record Note(String label, String text) {
    }

    RunSnapshot {
        epochs = List.copyOf(epochs);
    }

    boolean running() {
        return outcome == null;
    }

    /** The number of the last finished epoch; {@code firstEpoch - 1} before the first one ends. */
    int lastFinishedEpoch() {
        return epochs.isEmpty() ? start.firstEpoch() - 1 : epochs.get(epochs.size() - 1).epoch();
    }

    Optional<EpochEnd> lastEpoch() {
        return epochs.isEmpty() ? Optional.empty() : Optional.of(epochs.get(epochs.size() - 1));
    }

    /** The epoch a reader should see: the one running, or the last finished one once the run ended. */
    int shownEpoch() {
        if (!running()) {
            return lastFinishedEpoch();
        }
        return currentBatch().map(BatchProgress::epoch)
                .orElse(Math.min(lastFinishedEpoch() + 1, start.lastEpoch()));
    }

    /** The latest batch of the epoch now running; empty between epochs. */
    Optional<BatchProgress> currentBatch() {
        return lastBatch != null && lastBatch.epoch() > lastFinishedEpoch() ? Optional.of(lastBatch) : Optional.empty();
    }

    /** How far the latest batch got through its epoch (0..1); empty when the epoch's length is unknown. */
    Optional<Double> batchFraction() {
        if (lastBatch == null || lastBatch.batchesPerEpoch() <= 0) {
            return Optional.empty();
        }
        return Optional.of(Math.min(1.0, (double) lastBatch.batch() / lastBatch.batchesPerEpoch()));
    }

    /** Epochs done out of all epochs up to {@code lastEpoch}, counting the running epoch's batches (0..1). */
    double epochFraction() {
        return Math.min(1.0, (lastFinishedEpoch() + runningEpochFraction()) / start.lastEpoch());
    }

    /** The estimated time to the last epoch, from this run's pace so far; empty once ended or before any progress. */
    Optional<Duration> remaining() {
        int epochsInRun = start.lastEpoch() - start.firstEpoch() + 1;
        double done = (lastFinishedEpoch() - start.firstEpoch() + 1 + runningEpochFraction()) / epochsInRun;
        if (!running() || done <= 0 || done >= 1) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(elapsed.toMillis() * (1 - done) / done)));
    }

    /** The columns of the epoch table: the metrics the run announced, then any other values the epochs reported. */
    List<String> columns() {
        Set<String> columns = new LinkedHashSet<>(start.metrics());
        Set<String> others = new TreeSet<>();
        epochs.forEach(epoch -> others.addAll(epoch.values().keySet()));
        columns.addAll(others);
        return new ArrayList<>(columns);
    }

    private double runningEpochFraction() {
        return currentBatch().isPresent() ? batchFraction().orElse(0.0) : 0.0;
    }
}
