package io.github.nbworkbench.kernel.progress;

import io.github.nbworkbench.progress.BatchProgress;
import io.github.nbworkbench.progress.EpochEnd;

import java.util.ArrayList;
import java.util.List;

/** The one-line text form of a progress display, for consoles and text exports. */
final class ProgressText {
    private static final String SEPARATOR = " · ";

    private ProgressText() {
    }

    static String line(RunSnapshot run) {
        List<String> parts = new ArrayList<>();
        parts.add(run.start().title());
        parts.add(run.running() ? "running" : run.outcome());
        parts.add("epoch " + run.shownEpoch() + "/" + run.start().lastEpoch());
        run.currentBatch().ifPresent(batch -> {
            parts.add("batch " + batchCount(batch));
            parts.add("loss " + Figures.metric(batch.loss()));
            parts.add(Figures.rate(batch.samplesPerSecond()) + " samples/s");
        });
        run.lastEpoch().ifPresent(epoch -> parts.add(
                (epoch.epoch() == run.shownEpoch() ? "" : "epoch " + epoch.epoch() + ": ") + values(run, epoch)));
        parts.add(Figures.duration(run.elapsed()));
        return String.join(SEPARATOR, parts);
    }

    private static String batchCount(BatchProgress batch) {
        return batch.batchesPerEpoch() > 0 ? batch.batch() + "/" + batch.batchesPerEpoch() : String.valueOf(batch.batch());
    }

    private static String values(RunSnapshot run, EpochEnd epoch) {
        List<String> values = new ArrayList<>();
        for (String column : run.columns()) {
            Double value = epoch.values().get(column);
            if (value != null) {
                values.add(column + " " + Figures.metric(value));
            }
        }
        return String.join(", ", values);
    }
}
