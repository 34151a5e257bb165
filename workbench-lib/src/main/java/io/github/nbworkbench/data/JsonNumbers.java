package io.github.nbworkbench.data;

import java.util.Arrays;

/** Reads one flat array of numbers out of a JSON text, without a JSON library. */
final class JsonNumbers {

    private JsonNumbers() {
    }

    /** The numbers of the array under {@code key} (e.g. {@code "data": [0, 0.5, 1]}); {@code source} names the text in errors. */
    static float[] array(String json, String key, String source) {
        int keyAt = json.indexOf('"' + key + '"');
        int open = keyAt < 0 ? -1 : json.indexOf('[', keyAt);
        if (open < 0) {
            throw new IllegalArgumentException(source + ": no array \"" + key + "\" found");
        }
        float[] values = new float[1 << 16];
        int count = 0;
        int i = open + 1;
        while (true) {
            while (i < json.length() && (Character.isWhitespace(json.charAt(i)) || json.charAt(i) == ',')) {
                i++;
            }
            if (i >= json.length()) {
                throw new IllegalArgumentException(source + ": the array \"" + key + "\" is not closed (file truncated?)");
            }
            if (json.charAt(i) == ']') {
                return Arrays.copyOf(values, count);
            }
            int end = i;
            while (end < json.length() && "0123456789+-.eE".indexOf(json.charAt(end)) >= 0) {
                end++;
            }
            if (end == i) {
                throw new IllegalArgumentException(source + ": expected a number at character " + i + ", found '" + json.charAt(i) + "'");
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = parse(json, i, end);
            i = end;
        }
    }

    /** Plain decimals such as {@code 0.624} directly (the digit files hold 7.8 million of them), others by the JDK. */
    private static float parse(String json, int start, int end) {
        long digits = 0;
        long scale = 1;
        boolean fraction = false;
        for (int i = start; i < end; i++) {
            char c = json.charAt(i);
            if (c == '.' && !fraction) {
                fraction = true;
            } else if (c >= '0' && c <= '9' && end - start < 16) {
                digits = digits * 10 + (c - '0');
                if (fraction) {
                    scale *= 10;
                }
            } else {
                return Float.parseFloat(json.substring(start, end));
            }
        }
        return (float) ((double) digits / scale);
    }
}
