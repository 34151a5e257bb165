package io.github.nbworkbench.progress;

/** The fallback display: text on standard output ({@link ConsoleProgress}); priority 0, always available. */
public final class ConsoleProgressProvider implements TrainingProgressProvider {

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public TrainingProgress create() {
        return new ConsoleProgress();
    }
}
