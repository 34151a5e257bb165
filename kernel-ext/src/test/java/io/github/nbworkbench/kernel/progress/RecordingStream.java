package io.github.nbworkbench.kernel.progress;

import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A display stream that keeps what is shown and updated, and notices two updates sent at once. */
class RecordingStream extends DisplayStream {
    final List<DisplayData> displayed = new ArrayList<>();
    final List<DisplayData> updated = new ArrayList<>();
    private final AtomicInteger sending = new AtomicInteger();
    volatile boolean overlapped;

    @Override
    public void display(DisplayData data) {
        displayed.add(data);
    }

    @Override
    public void updateDisplay(DisplayData data) {
        if (sending.incrementAndGet() > 1) {
            overlapped = true;
        }
        Thread.yield();
        updated.add(data);
        sending.decrementAndGet();
    }
}
