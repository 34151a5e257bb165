package io.github.nbworkbench.progress;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DisplayProvidersTest {

    @Test
    void theAvailableProviderWithTheHighestPriorityWins() {
        assertInstanceOf(Middle.class, DisplayProviders.best(Probe.class).orElseThrow(),
                "Middle (5) beats Low (1); HighButUnavailable (50) is not available, Broken (99) throws");
    }

    @Test
    void noneWhenTheServiceHasNoProviders() {
        assertTrue(DisplayProviders.best(Unlisted.class).isEmpty());
    }

    @Test
    void outsideAKernelTheConsoleLiveOutputIsTheOneFound() {
        assertInstanceOf(ConsoleLiveOutputProvider.class, DisplayProviders.best(LiveOutputProvider.class).orElseThrow());
        assertInstanceOf(ConsoleLiveOutput.class, LiveOutputs.create());
        assertInstanceOf(ConsoleProgressProvider.class, DisplayProviders.best(TrainingProgressProvider.class).orElseThrow());
    }

    public interface Probe extends DisplayProvider {
    }

    public interface Unlisted extends DisplayProvider {
    }

    public static class Low implements Probe {
        @Override
        public int priority() {
            return 1;
        }

        @Override
        public boolean isAvailable() {
            return true;
        }
    }

    public static class Middle extends Low {
        @Override
        public int priority() {
            return 5;
        }
    }

    public static class HighButUnavailable extends Low {
        @Override
        public int priority() {
            return 50;
        }

        @Override
        public boolean isAvailable() {
            return false;
        }
    }

    public static class Broken extends Low {
        @Override
        public int priority() {
            return 99;
        }

        @Override
        public boolean isAvailable() {
            throw new IllegalStateException("no kernel here");
        }
    }
}
