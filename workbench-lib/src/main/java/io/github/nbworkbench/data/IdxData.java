package io.github.nbworkbench.data;

import java.util.Arrays;

/**
 * The contents of an IDX file of unsigned bytes: its dimensions (e.g. {@code [60000, 28, 28]}) and
 * its values in row-major order.
 */
record IdxData(int[] dimensions, byte[] values) {

    /** The value at {@code index} (row-major), 0..255. */
    int unsignedAt(int index) {
        return values[index] & 0xFF;
    }

    /** The size of the first dimension: the number of images or labels. */
    int count() {
        return dimensions[0];
    }

    @Override
    public String toString() {
        return "IdxData" + Arrays.toString(dimensions);
    }
}
