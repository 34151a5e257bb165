package io.github.nbworkbench.tune;

import java.time.Duration;
import java.util.Locale;

/** Durations as a reader says them: 45 s, 3.2 min, 1.5 h. */
final class Durations {

    private Durations() {
    }

    static String text(Duration duration) {
        return seconds(duration.toMillis() / 1000.0);
    }

    static String seconds(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 90 * 60) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
