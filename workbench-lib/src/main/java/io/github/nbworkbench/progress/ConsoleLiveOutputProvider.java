package io.github.nbworkbench.progress;

/** The fallback live output: its text on standard output ({@link ConsoleLiveOutput}); priority 0, always available. */
public final class ConsoleLiveOutputProvider implements LiveOutputProvider {

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public LiveOutput create() {
        return new ConsoleLiveOutput(System.out);
    }
}
