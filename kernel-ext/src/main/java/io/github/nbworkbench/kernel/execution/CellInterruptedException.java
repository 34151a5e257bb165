package io.github.nbworkbench.kernel.execution;

/** The cell was stopped by an interrupt request or its time limit; the code after the stopped statement did not run. */
public final class CellInterruptedException extends RuntimeException {
    CellInterruptedException(String message) {
        super(message);
    }
}
