package io.github.nbworkbench.progress;

import java.util.Map;

/** One finished epoch: its 1-based number and every value the history records for it (loss, val_loss, metrics, lr, seconds). */
public record EpochEnd(int epoch, Map<String, Double> values) {
}
