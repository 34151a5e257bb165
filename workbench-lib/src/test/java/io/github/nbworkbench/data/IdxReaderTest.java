package io.github.nbworkbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    /** Two 2x3 "images" with values 0..5 and 250..255. */
    private static final byte[] TWO_IMAGES = idx(new int[] {2, 2, 3}, new byte[] {0, 1, 2, 3, 4, 5, (byte) 250, (byte) 251,
            (byte) 252, (byte) 253, (byte) 254, (byte) 255});

    @TempDir
    Path dir;

    @Test
    void readsAPlainFile() throws IOException {
        IdxData data = IdxReader.read(write("images-idx3-ubyte", TWO_IMAGES));

        assertArrayEquals(new int[] {2, 2, 3}, data.dimensions());
        assertEquals(2, data.count());
        assertEquals(5, data.unsignedAt(5));
        assertEquals(255, data.unsignedAt(11));
    }

    @Test
    void readsAGzippedFileWhateverItsName() throws IOException {
        IdxData data = IdxReader.read(write("images-without-gz-suffix", gzip(TWO_IMAGES)));

        assertArrayEquals(new int[] {2, 2, 3}, data.dimensions());
        assertEquals(250, data.unsignedAt(6));
    }

    @Test
    void truncatedFileSaysSo() throws IOException {
        Path file = write("cut", Arrays.copyOf(TWO_IMAGES, TWO_IMAGES.length - 4));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdxReader.read(file));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("12 values, but only 8"), e::getMessage);
    }

    @Test
    void truncatedGzipFileSaysSo() throws IOException {
        byte[] gz = gzip(TWO_IMAGES);
        Path file = write("cut.gz", Arrays.copyOf(gz, gz.length - 12));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdxReader.read(file));
        assertTrue(e.getMessage().contains("truncated"), e::getMessage);
    }

    @Test
    void wrongMagicSaysWhatItFound() throws IOException {
        Path file = write("text.idx", "hello, world".getBytes());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdxReader.read(file));
        assertTrue(e.getMessage().contains("not an IDX file") && e.getMessage().contains("68 65 6c 6c"), e::getMessage);
    }

    @Test
    void otherDataTypesAreRefusedByName() throws IOException {
        byte[] floats = TWO_IMAGES.clone();
        floats[2] = 0x0D;

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdxReader.read(write("floats", floats)));
        assertTrue(e.getMessage().contains("0d is not supported"), e::getMessage);
    }

    static byte[] idx(int[] dimensions, byte[] values) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(new byte[] {0, 0, 0x08, (byte) dimensions.length});
            for (int d : dimensions) {
                out.writeInt(d);
            }
            out.write(values);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }
}
