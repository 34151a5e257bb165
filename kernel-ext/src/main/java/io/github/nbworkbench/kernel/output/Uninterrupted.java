package io.github.nbworkbench.kernel.output;

/**
 * Runs a send to the frontend with the thread's interrupt flag cleared, and restores the flag
 * afterwards: ZeroMQ's send fails with "Errno 4: Interrupted function" on an interrupted thread,
 * and a cell being stopped (or a library worker stopping) would lose its last output.
 */
public final class Uninterrupted {

    private Uninterrupted() {
    }

    public static void run(Runnable send) {
        boolean interrupted = Thread.interrupted();
        try {
            send.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
