package io.github.nbworkbench.tune;

import java.nio.file.Path;

/** The search was interrupted; the finished trials are kept in its folder, and the same search resumes from them. */
public final class SearchInterruptedException extends RuntimeException {

    SearchInterruptedException(int trial, int finished, Path folder) {
        super("The search was interrupted during trial " + trial + "; " + finished + " finished trial" + (finished == 1 ? " is" : "s are")
                + (folder == null ? " in memory only (give the Tuner a folder(...) to resume a search)"
                        : " kept in " + folder + ": run the same search again to resume it"));
    }
}
