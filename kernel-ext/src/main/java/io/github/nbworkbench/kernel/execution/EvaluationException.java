package io.github.nbworkbench.kernel.execution;

/**
 * An exception thrown by the user's code in a cell. Its message is the user's exception's message,
 * and {@link #stackTrace()} shows the user's exception with its causes and suppressed exceptions,
 * without the kernel's frames.
 */
public final class EvaluationException extends RuntimeException {
    private final transient UserStackTrace stackTrace;

    EvaluationException(UserStackTrace stackTrace) {
        super(messageOrEmpty(stackTrace.thrown()), null, false, false);
        this.stackTrace = stackTrace;
    }

    private static String messageOrEmpty(Throwable thrown) {
        String message = UserStackTrace.messageOf(thrown);
        return message == null ? "" : message;
    }

    /** The name of the user's exception class, e.g. {@code java.lang.NumberFormatException}. */
    public String exceptionClassName() {
        return stackTrace.thrown().getClass().getName();
    }

    /** The exception the user's code threw. */
    public Throwable thrown() {
        return stackTrace.thrown();
    }

    public UserStackTrace stackTrace() {
        return stackTrace;
    }
}
