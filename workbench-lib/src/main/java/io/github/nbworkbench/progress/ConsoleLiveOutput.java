package io.github.nbworkbench.progress;

import java.io.PrintStream;

/**
 * A live output as text: each {@link #show} prints its text on a line, unless it is empty or the
 * text printed last, so that updates of the rich form alone (a chart, a progress bar) do not flood
 * a console or a log. The HTML is not shown.
 */
public final class ConsoleLiveOutput implements LiveOutput {

    private final PrintStream out;
    private String lastText;

    public ConsoleLiveOutput(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void show(String html, String text) {
        LiveOutputs.checkContent(html, text);
        if (text.isEmpty() || text.equals(lastText)) {
            return;
        }
        lastText = text;
        out.println(text);
        out.flush();
    }
}
