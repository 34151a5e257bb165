package io.github.nbworkbench.kernel.output;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** UTF-8 bytes printed and not sent yet; taken out whole characters at a time. */
final class PendingText {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    void append(byte[] data, int offset, int length) {
        bytes.write(data, offset, length);
    }

    int size() {
        return bytes.size();
    }

    /**
     * Removes and returns the pending text. Unless {@code all}, a character whose bytes have not
     * all been printed yet stays for the next take, so it is never sent as two broken halves.
     */
    String take(boolean all) {
        byte[] data = bytes.toByteArray();
        int end = all ? data.length : completeCharactersEnd(data);
        bytes.reset();
        bytes.write(data, end, data.length - end);
        return new String(data, 0, end, StandardCharsets.UTF_8);
    }

    private static int completeCharactersEnd(byte[] data) {
        for (int back = 1; back <= Math.min(4, data.length); back++) {
            int b = data[data.length - back] & 0xFF;
            if (b < 0x80) {
                return data.length;
            }
            if (b >= 0xC0) {
                int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return back >= length ? data.length : data.length - back;
            }
        }
        return data.length;
    }
}
