package io.github.nbworkbench.kernel.memory;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns ND4J's refusal of an array larger than {@link NativeMemoryLimit} into an error that says what to do. */
public final class NativeMemoryErrors {
    private static final Pattern LIMIT_EXCEEDED =
            Pattern.compile("exceeds HOST device limits; Limit bytes: \\[(\\d+)]; Requested bytes: \\[(\\d+)]");

    private NativeMemoryErrors() {
    }

    /** {@code error} itself, or an {@link ArrayTooLargeException} if it is ND4J refusing an allocation over the limit. */
    public static RuntimeException explain(RuntimeException error) {
        Matcher limit = LIMIT_EXCEEDED.matcher(String.valueOf(error.getMessage()));
        if (!limit.find()) {
            return error;
        }
        return new ArrayTooLargeException(String.format(Locale.ROOT,
                "OutOfMemoryError: ND4J was asked for an array of %s, but may use %s on this machine in all. "
                        + "Make the array smaller: a smaller batch (e.g. a lower batch size for the trainer or "
                        + "iterator), fewer or smaller images, a shorter sequence; or release arrays you no longer "
                        + "need (set the variables to null, or call close() on them). "
                        + "The kernel is still running and your variables are kept.",
                gigabytes(Long.parseLong(limit.group(2))), gigabytes(Long.parseLong(limit.group(1)))), error);
    }

    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    /** An ND4J array that does not fit in the memory the kernel allows ND4J. */
    public static final class ArrayTooLargeException extends RuntimeException {
        ArrayTooLargeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
