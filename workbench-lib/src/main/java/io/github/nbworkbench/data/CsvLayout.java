package io.github.nbworkbench.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a CSV file's table is: lines to skip before it, whether it starts with a header row, the
 * delimiter; and which of those were detected rather than given.
 */
record CsvLayout(int skipLines, boolean header, char delimiter, boolean skipDetected, boolean headerDetected,
        boolean delimiterDetected) {

    /** The 1-based file line of the first data row (blank lines and line breaks inside quotes aside). */
    int firstDataLine() {
        return skipLines + (header ? 1 : 0) + 1;
    }

    /** E.g. "delimiter ';' (detected), no header (detected), 1 line skipped (detected)". */
    String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("delimiter " + name(delimiter) + detected(delimiterDetected));
        parts.add((header ? "header row" : "no header") + detected(headerDetected));
        if (skipLines > 0) {
            parts.add(skipLines + (skipLines == 1 ? " line" : " lines") + " skipped" + detected(skipDetected));
        }
        return String.join(", ", parts);
    }

    static String name(char delimiter) {
        return switch (delimiter) {
            case '\t' -> "tab";
            case ' ' -> "space";
            default -> "'" + delimiter + "'";
        };
    }

    private static String detected(boolean detected) {
        return detected ? " (detected)" : "";
    }
}
