package io.github.nbworkbench.progress;

/**
 * Supplies progress displays; found with {@link java.util.ServiceLoader}. The workbench's
 * console display is the fallback; the kernel registers a live notebook display, which is
 * available only while a cell runs in the kernel. Among the available providers the highest
 * {@link #priority()} wins.
 */
public interface TrainingProgressProvider extends DisplayProvider {
    TrainingProgress create();
}
