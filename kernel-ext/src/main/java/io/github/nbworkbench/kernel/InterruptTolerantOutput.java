package io.github.nbworkbench.kernel;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Cell output that a thread can write while its interrupt flag is set. Cell output goes out over
 * ZeroMQ, whose send fails with "Errno 4: Interrupted function" on an interrupted thread, so a
 * library thread that was interrupted while stopping (Spark's and DL4J's workers are) lost its
 * last words and threw from its exception handler. Each write runs with the flag cleared and
 * restores it afterwards, so the thread still sees that it was interrupted.
 */
final class InterruptTolerantOutput extends OutputStream {
    private final PrintStream cellOutput;

    private InterruptTolerantOutput(PrintStream cellOutput) {
        this.cellOutput = cellOutput;
    }

    static PrintStream around(PrintStream cellOutput, Charset encoding) {
        return new PrintStream(new InterruptTolerantOutput(cellOutput), true, encoding);
    }

    @Override
    public void write(int b) {
        withoutInterrupt(() -> cellOutput.write(b));
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        withoutInterrupt(() -> cellOutput.write(bytes, offset, length));
    }

    @Override
    public void flush() {
        withoutInterrupt(cellOutput::flush);
    }

    private static void withoutInterrupt(Runnable write) {
        boolean interrupted = Thread.interrupted();
        try {
            write.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
