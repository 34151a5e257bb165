package io.github.nbworkbench.progress;

/**
 * A kind of display found with {@link java.util.ServiceLoader}: the workbench's console one is the
 * fallback, the kernel registers a notebook one that is available only while a cell runs. Among
 * the available providers of a service the highest {@link #priority()} wins
 * ({@link DisplayProviders#best}).
 */
public interface DisplayProvider {
    /** Higher wins; the console fallbacks have 0. */
    int priority();

    /** Whether this display can be shown here and now (the notebook's needs a running cell). */
    boolean isAvailable();
}
