package io.github.nbworkbench.kernel.execution;

import java.security.Permission;

/**
 * Turns {@code System.exit} in a notebook cell into an error for that cell, so the kernel and
 * every variable in it survive. Everything else is allowed; this guard only watches exits.
 *
 * <p>Uses the (deprecated) security manager because it is the only hook the JVM offers for
 * exits; on Java 18+ it needs {@code -Djava.security.manager=allow}, and where it cannot be
 * installed (Java 24+) an exiting cell ends the kernel and Jupyter restarts it. Java 17 prints a
 * deprecation warning to the kernel's own stderr (the Jupyter server's log) when it is installed.
 */
@SuppressWarnings({"removal", "deprecation"})
final class ExitGuard extends SecurityManager {
    private final InProcessExecutionControl cells;

    private ExitGuard(InProcessExecutionControl cells) {
        this.cells = cells;
    }

    static boolean install(InProcessExecutionControl cells) {
        try {
            System.setSecurityManager(new ExitGuard(cells));
            return true;
        } catch (UnsupportedOperationException | SecurityException notAllowed) {
            return false;
        }
    }

    @Override
    public void checkExit(int status) {
        if (cells.isCellThread(Thread.currentThread())) {
            throw new SecurityException("System.exit(" + status + ") was called in a cell. The kernel keeps "
                    + "running with all its state; to restart it use Kernel > Restart in Jupyter.");
        }
    }

    @Override
    public void checkPermission(Permission permission) {
        // everything but exit is allowed
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
        // everything but exit is allowed
    }
}
