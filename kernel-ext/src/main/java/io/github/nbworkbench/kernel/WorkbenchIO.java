package io.github.nbworkbench.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * The base library's cell IO, with attaching to a request opened up to the kernel's own execute
 * handler, and line-buffered System.out/err streams that threads can write while interrupted.
 */
final class WorkbenchIO extends JupyterIO {
    final PrintStream systemOut;
    final PrintStream systemErr;

    WorkbenchIO(Charset encoding) {
        super(encoding);
        this.systemOut = InterruptTolerantOutput.around(out, encoding);
        this.systemErr = InterruptTolerantOutput.around(err, encoding);
    }

    void attach(ShellReplyEnvironment env, boolean stdinEnabled) {
        setEnv(env);
        setJupyterInEnabled(stdinEnabled);
    }

    /** Sends what the cell printed without a line end yet, so it shows before the cell's result. */
    void flushSystemStreams() {
        systemOut.flush();
        systemErr.flush();
    }

    void detach(ShellReplyEnvironment env) {
        retractEnv(env);
    }
}
