package io.github.nbworkbench.progress;

/**
 * Supplies {@link LiveOutput}s; found with {@link java.util.ServiceLoader}. The console output
 * ({@link ConsoleLiveOutputProvider}) is the fallback; the kernel registers a notebook output,
 * available only while a cell runs. Among the available providers the highest
 * {@link #priority()} wins ({@link LiveOutputs#create()}).
 */
public interface LiveOutputProvider extends DisplayProvider {
    LiveOutput create();
}
