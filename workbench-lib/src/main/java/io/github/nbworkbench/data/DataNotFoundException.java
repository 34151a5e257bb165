package io.github.nbworkbench.data;

/** Data files are not where a loader looked; the message lists the places and the command that installs them. */
public class DataNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataNotFoundException(String message) {
        super(message);
    }
}
