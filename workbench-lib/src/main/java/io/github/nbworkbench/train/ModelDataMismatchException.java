package io.github.nbworkbench.train;

/** The model cannot take the data as it is: the message names both shapes and the fix. Thrown before any training step. */
public final class ModelDataMismatchException extends IllegalArgumentException {

    public ModelDataMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
