package io.github.nbworkbench.kernel.progress;

import io.github.nbworkbench.kernel.output.Uninterrupted;
import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.UUID;

/**
 * One notebook output that is shown once ({@code display_data}) and then replaced in place
 * ({@code update_display_data}). Before it is first shown, {@code beforeFirstShow} sends what the
 * cell printed so far (the kernel batches printed text), so the display comes after it. Sends
 * {@link Uninterrupted}, so that a cell being stopped can still show its last state.
 */
final class LiveDisplay {
    private final DisplayStream stream;
    private final Runnable beforeFirstShow;
    private final String displayId = UUID.randomUUID().toString();
    private boolean shown;

    LiveDisplay(DisplayStream stream) {
        this(stream, () -> { });
    }

    LiveDisplay(DisplayStream stream, Runnable beforeFirstShow) {
        this.stream = stream;
        this.beforeFirstShow = beforeFirstShow;
    }

    void show(String html, String text) {
        DisplayData data = new DisplayData(text);
        data.putHTML(html);
        data.setDisplayId(displayId);
        Uninterrupted.run(() -> {
            if (shown) {
                stream.updateDisplay(data);
            } else {
                beforeFirstShow.run();
                stream.display(data);
                shown = true;
            }
        });
    }
}
