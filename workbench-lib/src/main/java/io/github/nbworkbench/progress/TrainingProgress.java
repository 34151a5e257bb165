package io.github.nbworkbench.progress;

/**
 * Shows one training run's progress as it happens. The trainer calls {@link #batch} after every
 * batch; implementations decide how often to redraw (a few times a second at most).
 */
public interface TrainingProgress {
    void start(TrainingStart start);

    void batch(BatchProgress progress);

    void epoch(EpochEnd epoch);

    /**
     * A short text to show with the progress until the next note, such as a sample generated after
     * an epoch; {@code label} says what it is. Displays that cannot show it may ignore it.
     */
    default void note(String label, String text) {
    }

    /** The run ended: finished, stopped early or failed; {@code outcome} says which, in words. */
    void end(String outcome);
}
