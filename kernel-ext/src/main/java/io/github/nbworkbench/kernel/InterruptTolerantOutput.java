package io.github.nbworkbench.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * System.out and System.err of a running cell: line-buffered, and writable by a thread whose
 * interrupt flag is set.
 *
 * <p>Line-buffered: each send is a Jupyter message, and a PrintStream with autoflush flushes on
 * every print, so a loop printing dots sent one message per dot. Text now goes out at a line end,
 * at an explicit flush, when {@value #MAX_PENDING} bytes have collected, or when the cell ends.
 *
 * <p>Interrupts: ZeroMQ's send fails with "Errno 4: Interrupted function" on an interrupted
 * thread, so a library thread interrupted while stopping (Spark's and DL4J's workers are) lost its
 * last words and threw from its exception handler. The send runs with the flag cleared and
 * restores it afterwards, so the thread still sees that it was interrupted.
 */
final class InterruptTolerantOutput extends OutputStream {
    private static final int MAX_PENDING = 8192;

    private final PrintStream cellOutput;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private InterruptTolerantOutput(PrintStream cellOutput) {
        this.cellOutput = cellOutput;
    }

    static PrintStream around(PrintStream cellOutput, Charset encoding) {
        return new PrintStream(new InterruptTolerantOutput(cellOutput), false, encoding);
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
        if (b == '\n' || pending.size() >= MAX_PENDING) {
            flush();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        pending.write(bytes, offset, length);
        if (pending.size() >= MAX_PENDING || containsLineEnd(bytes, offset, length)) {
            flush();
        }
    }

    @Override
    public synchronized void flush() {
        if (pending.size() == 0) {
            return;
        }
        byte[] bytes = pending.toByteArray();
        pending.reset();
        boolean interrupted = Thread.interrupted();
        try {
            cellOutput.write(bytes, 0, bytes.length);
            cellOutput.flush();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean containsLineEnd(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                return true;
            }
        }
        return false;
    }
}
