package io.github.nbworkbench.kernel.execution;

/** A cell that does not compile; the message shows each error under the code it points at. */
public final class CompilationException extends RuntimeException {
    public CompilationException(String message) {
        super(message);
    }
}
