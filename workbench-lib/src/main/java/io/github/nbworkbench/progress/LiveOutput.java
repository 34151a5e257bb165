package io.github.nbworkbench.progress;

/**
 * One output that a long computation replaces in place as it goes, such as a search's table of
 * trials: the first {@link #show} shows it, each later one replaces it. In a notebook it is one
 * cell output; on a console, lines of text. Get one with {@link LiveOutputs#create()}.
 *
 * <pre>{@code
 * LiveOutput live = LiveOutputs.create();
 * for (Trial trial : trials) {
 *     ...
 *     live.show("<table>...</table>", "trial 3/20, best 0.912");
 * }
 * }</pre>
 *
 * <p>Callers throttle: a few calls a second at most (a display may coalesce faster calls, keeping
 * the last). Implementations accept calls from any thread.
 */
public interface LiveOutput {
    /**
     * Shows {@code html} and {@code text}, replacing what this output showed before.
     *
     * @param html the rich form, shown in a notebook; a fragment, no {@code <html>} page; images
     *             go inline as {@code data:} URIs
     * @param text the plain form, one line or a few, shown where HTML is not (a console, a
     *             frontend without HTML); use {@code ""} for none
     * @throws IllegalArgumentException when {@code html} or {@code text} is null
     */
    void show(String html, String text);
}
