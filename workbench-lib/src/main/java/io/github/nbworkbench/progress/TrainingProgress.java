package io.github.nbworkbench.progress;

/**
 * Shows one training run's progress as it happens. The trainer calls {@link #batch} after every
 * batch; implementations decide how often to redraw (a few times a second at most).
 */
public interface TrainingProgress {

    /** A display that shows nothing. */
    static TrainingProgress none() {
        return Silent.INSTANCE;
    }

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

    /** {@link #none()}. */
    enum Silent implements TrainingProgress {
        INSTANCE;

        @Override
        public void start(TrainingStart start) {
        }

        @Override
        public void batch(BatchProgress progress) {
        }

        @Override
        public void epoch(EpochEnd epoch) {
        }

        @Override
        public void end(String outcome) {
        }
    }
}
