package io.github.nbworkbench.compute;

import java.util.Locale;

/** Byte counts for people: 3 significant digits and a decimal unit (1 kB = 1,000 bytes, as memory sizes of models are quoted). */
final class ByteSizes {

    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

    private ByteSizes() {
    }

    /** {@code 16} as "16 B", {@code 11_103_392} as "11.1 MB", {@code 1.12e11} as "112 GB". */
    static String readable(double bytes) {
        int unit = 0;
        double value = bytes;
        while (Math.abs(value) >= 999.5 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        String digits = unit == 0 || Math.abs(value) >= 99.95 ? "%.0f" : Math.abs(value) >= 9.995 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, digits + " %s", value, UNITS[unit]);
    }
}
