package io.github.nbworkbench.kernel;

import io.github.nbworkbench.kernel.output.CellOutput;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * The base library's cell IO, with attaching to a request opened up to the kernel's own execute
 * handler, and the System.out/err that route what every thread prints to its cell ({@link CellOutput}).
 */
final class WorkbenchIO extends JupyterIO {
    private final CellOutput cellOutput;

    /** What is printed outside any cell goes to the JVM's System.out/err as they are now (the kernel's log). */
    WorkbenchIO(Charset encoding) {
        super(encoding);
        this.cellOutput = new CellOutput(System.out, System.err);
    }

    PrintStream systemOut() {
        return cellOutput.out();
    }

    PrintStream systemErr() {
        return cellOutput.err();
    }

    void attach(ShellReplyEnvironment env, boolean stdinEnabled) {
        setEnv(env);
        setJupyterInEnabled(stdinEnabled);
        cellOutput.enter(env);
    }

    /** Sends what the running cell printed so far, so it shows before what the cell shows next. */
    void flushSystemStreams() {
        cellOutput.flushRunningCell();
    }

    void detach(ShellReplyEnvironment env) {
        cellOutput.leave(env);
        retractEnv(env);
    }
}
