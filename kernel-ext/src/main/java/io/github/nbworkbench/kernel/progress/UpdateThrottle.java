package io.github.nbworkbench.kernel.progress;

import java.time.Duration;

/** Lets a display redraw at most once per interval; the clock is passed in, in nanoseconds. */
final class UpdateThrottle {
    private final long intervalNanos;
    private long lastUpdateNanos;

    UpdateThrottle(Duration interval, long nowNanos) {
        this.intervalNanos = interval.toNanos();
        this.lastUpdateNanos = nowNanos;
    }

    boolean isDue(long nowNanos) {
        return nowNanos - lastUpdateNanos >= intervalNanos;
    }

    void updated(long nowNanos) {
        lastUpdateNanos = nowNanos;
    }
}
