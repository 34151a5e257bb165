package io.github.nbworkbench.kernel.progress;

import java.time.Duration;
import java.util.Locale;

/** Numbers as a progress display writes them: short, and the same in every locale. */
final class Figures {
    private Figures() {
    }

    /**
     * A metric with a fixed number of decimals, so that a column of them lines up: 0.4321, 12.35,
     * and 1.000e-05 or 1.235e+05 for the very small and very large.
     */
    static String metric(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        double magnitude = Math.abs(value);
        if (magnitude == 0) {
            return "0";
        }
        if (magnitude < 1e-3 || magnitude >= 1e5) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        return String.format(Locale.ROOT, magnitude < 10 ? "%.4f" : "%.2f", value);
    }

    /** A throughput: whole numbers with thousands separators from 100 up, one decimal below. */
    static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 100 ? "%,.0f" : "%.1f", perSecond);
    }

    /** A duration as m:ss, or h:mm:ss from an hour up. */
    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }
}
