package io.github.nbworkbench.kernel.boot;

import java.util.function.IntConsumer;

/**
 * Called first thing by {@code Runtime.exit} and {@code Runtime.halt} once the kernel's exit
 * guard has rewritten them (execution/ExitGuard). It lives on the bootstrap class path (the
 * kernel jar's Boot-Class-Path), the only place where java.lang.Runtime can see a class.
 */
public final class ExitHook {
    private static volatile IntConsumer guard = status -> { };

    private ExitHook() {
    }

    /** The guard throws to refuse an exit. */
    public static void install(IntConsumer exitGuard) {
        guard = exitGuard;
    }

    public static void beforeExit(int status) {
        guard.accept(status);
    }
}
