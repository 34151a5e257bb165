package io.github.nbworkbench.kernel.execution;

import jdk.jshell.EvalException;

/**
 * An exception thrown by the user's code in a cell. The message names the user's exception
 * class, and the stack trace is the user's, without the kernel's frames.
 */
public final class EvaluationException extends RuntimeException {
    private final String exceptionClassName;

    EvaluationException(EvalException cause) {
        super(cause.getExceptionClassName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), null,
                false, true);
        this.exceptionClassName = cause.getExceptionClassName();
        setStackTrace(userFrames(cause.getStackTrace()));
        if (cause.getCause() instanceof EvalException nested) {
            initCause(new EvaluationException(nested));
        }
    }

    public String exceptionClassName() {
        return exceptionClassName;
    }

    private static StackTraceElement[] userFrames(StackTraceElement[] frames) {
        int end = 0;
        while (end < frames.length && !frames[end].getClassName().startsWith("jdk.internal.reflect")
                && !frames[end].getClassName().startsWith("java.lang.reflect")) {
            end++;
        }
        return java.util.Arrays.copyOf(frames, end);
    }
}
