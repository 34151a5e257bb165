package io.github.nbworkbench.progress;

/** Finds the live output for here and now: the notebook's inside a running kernel cell, else the console's. */
public final class LiveOutputs {

    private LiveOutputs() {
    }

    /** A new output of the available {@link LiveOutputProvider} with the highest priority. */
    public static LiveOutput create() {
        return DisplayProviders.best(LiveOutputProvider.class)
                .orElseGet(ConsoleLiveOutputProvider::new)
                .create();
    }

    /**
     * The argument check of {@link LiveOutput#show}, for its implementations.
     *
     * @throws IllegalArgumentException when {@code html} or {@code text} is null
     */
    public static void checkContent(String html, String text) {
        if (html == null || text == null) {
            throw new IllegalArgumentException("LiveOutput.show(html, text) got a null " + (html == null ? "html" : "text")
                    + "; pass \"\" to show nothing in that form");
        }
    }
}
