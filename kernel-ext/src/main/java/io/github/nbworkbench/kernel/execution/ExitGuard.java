package io.github.nbworkbench.kernel.execution;

import java.io.OutputStream;
import java.io.PrintStream;
import java.security.Permission;

/**
 * Turns {@code System.exit} in a notebook cell into an error for that cell, so the kernel and
 * every variable in it survive. Everything else is allowed; this guard only watches exits.
 *
 * <p>Uses the (deprecated) security manager because it is the only hook the JVM offers for
 * exits; on Java 18+ it needs {@code -Djava.security.manager=allow}, and where it cannot be
 * installed (Java 24+) an exiting cell ends the kernel and Jupyter restarts it.
 */
@SuppressWarnings({"removal", "deprecation"})
final class ExitGuard extends SecurityManager {
    private final InProcessExecutionControl cells;

    private ExitGuard(InProcessExecutionControl cells) {
        this.cells = cells;
    }

    static boolean install(InProcessExecutionControl cells) {
        // Java 17 prints a four-line deprecation warning to stderr on every install, which would
        // show in every notebook run's output; the deprecation is documented above instead.
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        try {
            System.setSecurityManager(new ExitGuard(cells));
            return true;
        } catch (UnsupportedOperationException | SecurityException notAllowed) {
            return false;
        } finally {
            System.setErr(stderr);
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
