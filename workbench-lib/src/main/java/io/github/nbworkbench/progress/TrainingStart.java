package io.github.nbworkbench.progress;

import java.util.List;

/**
 * What a run will do: epochs {@code firstEpoch..lastEpoch} (1-based, inclusive; a resumed run
 * starts past 1), {@code batchesPerEpoch} or -1 when the data does not say, and the names of the
 * metrics its epochs report (e.g. loss, val_loss, accuracy, val_accuracy).
 */
public record TrainingStart(String title, int firstEpoch, int lastEpoch, long batchesPerEpoch, List<String> metrics) {
}
