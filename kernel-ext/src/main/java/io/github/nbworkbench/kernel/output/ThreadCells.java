package io.github.nbworkbench.kernel.output;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Which cell a thread prints into: the rule behind {@link CellOutput}.
 *
 * <ul>
 *   <li>A cell's own code prints into that cell.</li>
 *   <li>A thread started by a cell (directly, or by a thread that cell started) prints into that
 *       cell, also after the cell finished: its output carries that cell's request as parent, and
 *       frontends place output by parent, so it appears under the cell that started the thread,
 *       never in whichever cell runs next. Thread pools a cell creates belong to that cell.</li>
 *   <li>Threads no cell started (the JVM's common ForkJoinPool behind parallel streams and
 *       {@code CompletableFuture.*Async}, the kernel's own) print into the cell running at the
 *       moment, and into the kernel's log (the Jupyter server's output) between cells.</li>
 * </ul>
 */
final class ThreadCells {
    private final InheritableThreadLocal<ShellReplyEnvironment> startedBy = new InheritableThreadLocal<>();
    private volatile ShellReplyEnvironment running;

    /** The current thread runs the cell of {@code cell} (the kernel's request thread). */
    void enter(ShellReplyEnvironment cell) {
        running = cell;
        startedBy.set(cell);
    }

    void leave(ShellReplyEnvironment cell) {
        if (running == cell) {
            running = null;
        }
        startedBy.remove();
    }

    /** The cell the kernel is running now, or null between cells. */
    ShellReplyEnvironment running() {
        return running;
    }

    /** The cell the current thread's output belongs to, or null for the kernel's log. */
    ShellReplyEnvironment ofCurrentThread() {
        Thread thread = Thread.currentThread();
        ShellReplyEnvironment cell = startedBy.get();
        if (cell == null || isShared(thread)) {
            return running;
        }
        return cell;
    }

    private static boolean isShared(Thread thread) {
        return thread instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool();
    }
}
