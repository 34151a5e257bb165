package io.github.nbworkbench.kernel.progress;

import io.github.nbworkbench.kernel.WorkbenchKernel;
import io.github.nbworkbench.progress.TrainingProgress;
import io.github.nbworkbench.progress.TrainingProgressProvider;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.DisplayStream;

import java.util.Optional;

/**
 * The live notebook display for training progress, ahead of the console one. Available only while
 * a cell runs in a kernel: outside a cell there is no output to update.
 */
public final class NotebookProgressProvider implements TrainingProgressProvider {
    static final int PRIORITY = 100;

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public boolean isAvailable() {
        return cellDisplay().isPresent();
    }

    @Override
    public TrainingProgress create() {
        DisplayStream display = cellDisplay().orElseThrow(() ->
                new IllegalStateException("no notebook cell is running: the live progress display needs one"));
        Runnable flushPrinted = BaseKernel.notebookKernel() instanceof WorkbenchKernel kernel ? kernel::flushPrintedOutput : () -> { };
        return new NotebookProgress(new LiveDisplay(display, flushPrinted), System::nanoTime);
    }

    /** The display stream of the cell that runs now, if a kernel runs one. */
    private static Optional<DisplayStream> cellDisplay() {
        BaseKernel kernel;
        try {
            kernel = BaseKernel.notebookKernel();
        } catch (NullPointerException noKernel) {
            return Optional.empty(); // JJava throws, rather than returning null, outside a kernel
        }
        DisplayStream display = kernel.getIO().display;
        return display.isAttached() ? Optional.of(display) : Optional.empty();
    }
}
