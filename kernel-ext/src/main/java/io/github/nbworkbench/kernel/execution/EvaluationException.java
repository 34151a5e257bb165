package io.github.nbworkbench.kernel.execution;

/**
 * An exception thrown by the user's code in a cell. Its message is the user's exception's message,
 * and {@link #stackTrace()} shows the user's exception with its causes and suppressed exceptions,
 * without the kernel's frames.
 */
public final class EvaluationException extends RuntimeException {
    private final transient UserStackTrace stackTrace;
    private final String note;

    /** @param note what to tell below the stack trace, or null */
    EvaluationException(UserStackTrace stackTrace, String note) {
        super(messageOrEmpty(stackTrace.thrown()), null, false, false);
        this.stackTrace = stackTrace;
        this.note = note;
    }

    private static String messageOrEmpty(Throwable thrown) {
        String message = UserStackTrace.messageOf(thrown);
        return message == null ? "" : message;
    }

    /** The name of the user's exception class, e.g. {@code java.lang.NumberFormatException}. */
    public String exceptionClassName() {
        return stackTrace.thrown().getClass().getName();
    }

    public UserStackTrace stackTrace() {
        return stackTrace;
    }

    /** What the kernel adds below the stack trace, e.g. that the cell ran but showing its value failed; or null. */
    public String note() {
        return note;
    }
}
