package io.github.nbworkbench.kernel.progress;

import io.github.nbworkbench.kernel.WorkbenchKernel;
import io.github.nbworkbench.progress.LiveOutput;
import io.github.nbworkbench.progress.LiveOutputProvider;

/**
 * The notebook's {@link LiveOutput} ({@link NotebookLiveOutput}), ahead of the console one.
 * Available only while this workbench's kernel runs a cell: the output belongs to that cell, and
 * the kernel tells when the cell ends (a stock JJava kernel does not, so there the console output
 * is used).
 */
public final class NotebookLiveOutputProvider implements LiveOutputProvider {

    @Override
    public int priority() {
        return NotebookProgressProvider.PRIORITY;
    }

    @Override
    public boolean isAvailable() {
        return RunningCell.workbenchKernel().isPresent();
    }

    /** @throws IllegalStateException when no cell of this workbench's kernel runs */
    @Override
    public LiveOutput create() {
        WorkbenchKernel kernel = RunningCell.workbenchKernel().orElseThrow(() ->
                new IllegalStateException("no notebook cell is running in the workbench kernel: the live output needs one"));
        NotebookLiveOutput output = NotebookLiveOutput.of(RunningCell.liveDisplay("live output"));
        kernel.whenCellEnds(output::cellEnded);
        return output;
    }
}
