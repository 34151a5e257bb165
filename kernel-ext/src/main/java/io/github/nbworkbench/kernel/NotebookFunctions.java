package io.github.nbworkbench.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * Functions cells can call without an import, beside IJava's display(), render() and
 * updateDisplay() (which come from the base library's BaseNotebookStatics).
 */
public final class NotebookFunctions {
    private NotebookFunctions() {
    }

    /** Clears this cell's output now. */
    public static void clearOutput() {
        kernel().clearOutput(false);
    }

    /** Clears this cell's output; with {@code wait}, only when the next output arrives (no flicker). */
    public static void clearOutput(boolean wait) {
        kernel().clearOutput(wait);
    }

    private static WorkbenchKernel kernel() {
        if (BaseKernel.notebookKernel() instanceof WorkbenchKernel kernel) {
            return kernel;
        }
        throw new IllegalStateException("clearOutput() needs the Java (Workbench) kernel.");
    }
}
