package io.github.nbworkbench.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The body of a vocabulary file: a count line, then one token per line written as its code points
 * in hex (so newlines, spaces and invisible characters survive any editor), then an end line that
 * shows the file was not cut short.
 */
final class TokenFile {

    private static final String END = "end";

    private TokenFile() {
    }

    static void write(OutputStream out, String header, List<String> tokens) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(header + "\n" + tokens.size() + "\n");
        for (String token : tokens) {
            List<String> hex = token.codePoints().mapToObj(cp -> Integer.toHexString(cp).toUpperCase(Locale.ROOT)).toList();
            writer.write(String.join(" ", hex) + "\n");
        }
        writer.write(END + "\n");
        writer.flush();
    }

    static List<String> read(BufferedReader reader) throws IOException {
        int count = parseCount(reader.readLine());
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String line = reader.readLine();
            if (line == null) {
                throw new IllegalArgumentException("The vocabulary file is cut short: it announces " + count + " tokens and ends after " + i);
            }
            tokens.add(parseToken(line, i));
        }
        if (!END.equals(reader.readLine())) {
            throw new IllegalArgumentException("The vocabulary file is damaged: no '" + END + "' line after its " + count + " tokens");
        }
        return tokens;
    }

    private static int parseCount(String line) {
        try {
            return Integer.parseInt(line == null ? "" : line.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The vocabulary file is damaged: expected the token count on line 2, found '" + line + "'");
        }
    }

    private static String parseToken(String line, int index) {
        StringBuilder token = new StringBuilder();
        try {
            for (String hex : line.trim().split(" ")) {
                token.appendCodePoint(Integer.parseInt(hex, 16));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The vocabulary file is damaged: token " + index + " is '" + line
                    + "', expected code points in hex separated by spaces");
        }
        return token.toString();
    }
}
