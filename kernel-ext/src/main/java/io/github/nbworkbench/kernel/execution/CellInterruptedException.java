package io.github.nbworkbench.kernel.execution;

/** The cell was stopped by an interrupt request; the code after the stopped statement did not run. */
public final class CellInterruptedException extends RuntimeException {
    CellInterruptedException() {
        super("The cell was interrupted. Variables defined before the interrupted statement are kept.");
    }
}
