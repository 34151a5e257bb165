package io.github.nbworkbench.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens a text file for reading, gunzipping it when its first two bytes are gzip's, whatever its name. */
final class TextFiles {

    private static final int BUFFER = 1 << 16;

    private TextFiles() {
    }

    /**
     * A reader over the (decompressed) text of {@code file}, in UTF-8.
     *
     * @throws DataNotFoundException naming the path when there is no such file
     * @throws IllegalArgumentException when the file holds binary data, e.g. an Excel workbook
     */
    static BufferedReader open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DataNotFoundException("file " + file.toAbsolutePath() + " not found"
                    + (Files.isDirectory(file) ? " (that is a folder)" : ""));
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        byte[] start = peek(in, 4);
        if (start.length >= 2 && (start[0] & 0xff) == 0x1f && (start[1] & 0xff) == 0x8b) {
            in = new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
            start = peek(in, 4);
        }
        if (start.length == 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4) {
            in.close();
            throw new IllegalArgumentException(file + " is a ZIP archive, not a text file (an Excel .xlsx workbook is one):"
                    + " save it as CSV, or unzip it first");
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER);
    }

    private static byte[] peek(InputStream in, int n) throws IOException {
        in.mark(n);
        byte[] bytes = in.readNBytes(n);
        in.reset();
        return bytes;
    }
}
