package io.github.nbworkbench.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST: two zero bytes, a type byte (only
 * {@code 0x08}, unsigned byte, is supported), the number of dimensions, each dimension as a
 * big-endian int, then the values. Gzipped files are recognised by their first two bytes, whatever
 * their name.
 */
final class IdxReader {

    private static final int UNSIGNED_BYTE = 0x08;

    private IdxReader() {
    }

    /**
     * Reads the whole file.
     *
     * @throws IllegalArgumentException if the file is not an IDX file of unsigned bytes, or is shorter
     *     than its header says
     * @throws UncheckedIOException if it cannot be read
     */
    static IdxData read(Path file) {
        try (DataInputStream in = new DataInputStream(open(file))) {
            int[] dimensions = readHeader(in, file);
            long size = Arrays.stream(dimensions).asLongStream().reduce(1, (a, b) -> a * b);
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(file + ": " + Arrays.toString(dimensions) + " holds more values than one array can");
            }
            byte[] values = new byte[(int) size];
            int read = readFully(in, values);
            if (read < values.length) {
                throw new IllegalArgumentException(file + " is truncated: its header announces " + Arrays.toString(dimensions)
                        + " = " + values.length + " values, but only " + read + " follow. Reinstall the file.");
            }
            return new IdxData(dimensions, values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read IDX file " + file + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    /** Reads until {@code values} is full or the data ends; a gzip stream that ends early counts as an end. */
    private static int readFully(InputStream in, byte[] values) throws IOException {
        int read = 0;
        try {
            for (int n; read < values.length && (n = in.read(values, read, values.length - read)) > 0; ) {
                read += n;
            }
        } catch (EOFException e) {
            // GZIPInputStream reports a cut-off file this way; the caller reports how much arrived
        }
        return read;
    }

    private static int[] readHeader(DataInputStream in, Path file) throws IOException {
        byte[] magic = new byte[4];
        if (in.readNBytes(magic, 0, 4) < 4) {
            throw new IllegalArgumentException(file + " is truncated: an IDX file starts with a 4-byte magic number");
        }
        if (magic[0] != 0 || magic[1] != 0 || magic[3] < 1) {
            throw new IllegalArgumentException(file + " is not an IDX file: it starts with " + hex(magic)
                    + ", an IDX file with unsigned bytes starts with 00 00 08 followed by its number of dimensions");
        }
        if (magic[2] != UNSIGNED_BYTE) {
            throw new IllegalArgumentException(file + ": IDX data type " + hex(new byte[] {magic[2]})
                    + " is not supported; only 08 (unsigned byte, as in MNIST and Fashion-MNIST) is");
        }
        int[] dimensions = new int[magic[3]];
        try {
            for (int i = 0; i < dimensions.length; i++) {
                dimensions[i] = in.readInt();
                if (dimensions[i] < 0) {
                    throw new IllegalArgumentException(file + ": dimension " + i + " is negative (" + dimensions[i] + ")");
                }
            }
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + " is truncated inside its header (" + dimensions.length + " dimensions announced)", e);
        }
        return dimensions;
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(text.length() == 0 ? "" : " ").append(String.format("%02x", b & 0xFF));
        }
        return text.toString();
    }
}
