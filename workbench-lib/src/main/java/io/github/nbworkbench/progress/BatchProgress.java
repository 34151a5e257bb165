package io.github.nbworkbench.progress;

/** The state after one batch: 1-based epoch and batch, the running mean loss of the epoch so far, and samples per second. */
public record BatchProgress(int epoch, long batch, long batchesPerEpoch, double loss, double samplesPerSecond) {
}
