package io.github.nbworkbench.kernel.output;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishStream.StreamType;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * System.out and System.err of the kernel: what any thread prints goes to the cell it belongs to
 * (the rule is {@link ThreadCells}'), in batches.
 *
 * <p>Batches: every stream message is a Jupyter message, and the IOPub socket drops messages past
 * its queue limit (ZeroMQ's high-water mark, 1,000), so one message per printed line lost output:
 * 100,000 printed lines arrived 18% complete through nbclient, sometimes without the cell's idle
 * status. As in ipykernel, text is sent at most every {@value #FLUSH_INTERVAL_MS} ms by a
 * background flusher, when {@value #MAX_BATCH_BYTES} bytes have collected, before the cell shows
 * anything else ({@link #flush}) and when the cell ends.
 *
 * <p>A send runs {@link Uninterrupted} (a stopping library worker lost its last words).
 */
public final class CellOutput {
    static final long FLUSH_INTERVAL_MS = 200;
    static final int MAX_BATCH_BYTES = 1 << 20;

    private final ThreadCells cells = new ThreadCells();
    private final Map<Target, PendingText> pending = new LinkedHashMap<>();
    private final ScheduledThreadPoolExecutor flusher = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "notebook-output-flusher");
        thread.setDaemon(true);
        return thread;
    });
    private final PrintStream out;
    private final PrintStream err;
    private boolean flushScheduled;

    /** {@code logOut} and {@code logErr} take what is printed outside any cell (the kernel's log). */
    public CellOutput(PrintStream logOut, PrintStream logErr) {
        flusher.prestartAllCoreThreads();
        this.out = new PrintStream(new Routed(StreamType.OUT, logOut), false, StandardCharsets.UTF_8);
        this.err = new PrintStream(new Routed(StreamType.ERR, logErr), false, StandardCharsets.UTF_8);
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** The current thread starts running {@code cell}: it and the threads it starts print there. */
    public void enter(ShellReplyEnvironment cell) {
        cells.enter(cell);
    }

    /** The cell ended: what it printed goes out now; its background threads still print into it. */
    public void leave(ShellReplyEnvironment cell) {
        flush(cell);
        cells.leave(cell);
    }

    /** Sends what the running cell printed so far, e.g. before it shows a result or a display; nothing between cells. */
    public void flushRunningCell() {
        ShellReplyEnvironment cell = cells.running();
        if (cell != null) {
            flush(cell);
        }
    }

    /** Sends what {@code cell} printed so far. */
    private synchronized void flush(ShellReplyEnvironment cell) {
        for (StreamType type : StreamType.values()) {
            PendingText text = pending.remove(new Target(cell, type));
            if (text != null) {
                send(cell, type, text.take(true));
            }
        }
    }

    private synchronized void write(ShellReplyEnvironment cell, StreamType type, byte[] bytes, int offset, int length) {
        PendingText text = pending.computeIfAbsent(new Target(cell, type), target -> new PendingText());
        text.append(bytes, offset, length);
        if (text.size() >= MAX_BATCH_BYTES) {
            send(cell, type, text.take(false));
        } else if (!flushScheduled) {
            flushScheduled = true;
            flusher.schedule(this::flushAll, FLUSH_INTERVAL_MS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void flushAll() {
        flushScheduled = false;
        pending.forEach((target, text) -> send(target.cell(), target.type(), text.take(false)));
        pending.values().removeIf(text -> text.size() == 0);
    }

    private void send(ShellReplyEnvironment cell, StreamType type, String text) {
        if (text.isEmpty()) {
            return;
        }
        Uninterrupted.run(() -> cell.publish(new PublishStream(type, text)));
    }

    private record Target(ShellReplyEnvironment cell, StreamType type) {
    }

    /** One of the two streams: cell output is batched, output outside any cell goes to the log at once. */
    private final class Routed extends OutputStream {
        private final StreamType type;
        private final PrintStream log;

        Routed(StreamType type, PrintStream log) {
            this.type = type;
            this.log = log;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            ShellReplyEnvironment cell = cells.ofCurrentThread();
            if (cell == null) {
                log.write(bytes, offset, length);
                log.flush();
            } else {
                CellOutput.this.write(cell, type, bytes, offset, length);
            }
        }
    }
}
