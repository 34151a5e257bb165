package io.github.nbworkbench.progress;

/**
 * Shows one training run's progress as it happens. The trainer calls {@link #batch} after every
 * batch; implementations decide how often to redraw (a few times a second at most).
 */
public interface TrainingProgress {
    void start(TrainingStart start);

    void batch(BatchProgress progress);

    void epoch(EpochEnd epoch);

    /** The run ended: finished, stopped early or failed; {@code outcome} says which, in words. */
    void end(String outcome);
}
