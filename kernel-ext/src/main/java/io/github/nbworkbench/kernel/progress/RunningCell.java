package io.github.nbworkbench.kernel.progress;

import io.github.nbworkbench.kernel.WorkbenchKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.DisplayStream;

import java.util.Optional;

/** The cell a kernel runs now, as the live displays need it: its display stream and the kernel. */
final class RunningCell {

    private RunningCell() {
    }

    /** The display stream of the cell that runs now, if a kernel runs one. */
    static Optional<DisplayStream> display() {
        BaseKernel kernel;
        try {
            kernel = BaseKernel.notebookKernel();
        } catch (NullPointerException noKernel) {
            return Optional.empty(); // JJava throws, rather than returning null, outside a kernel
        }
        DisplayStream display = kernel.getIO().display;
        return display.isAttached() ? Optional.of(display) : Optional.empty();
    }

    /** This workbench's kernel, if it runs a cell now (a stock JJava kernel does not count). */
    static Optional<WorkbenchKernel> workbenchKernel() {
        return display().map(running -> BaseKernel.notebookKernel())
                .filter(WorkbenchKernel.class::isInstance)
                .map(WorkbenchKernel.class::cast);
    }

    /**
     * A live display in the running cell; before it first shows, the cell's printed text is sent.
     *
     * @param what the display's name, for the error outside a cell
     * @throws IllegalStateException when no cell runs
     */
    static LiveDisplay liveDisplay(String what) {
        DisplayStream display = display().orElseThrow(() ->
                new IllegalStateException("no notebook cell is running: the " + what + " needs one"));
        Runnable flushPrinted = BaseKernel.notebookKernel() instanceof WorkbenchKernel kernel ? kernel::flushPrintedOutput : () -> { };
        return new LiveDisplay(display, flushPrinted);
    }
}
