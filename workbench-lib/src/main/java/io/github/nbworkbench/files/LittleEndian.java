package io.github.nbworkbench.files;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Numbers as little-endian bytes: how ONNX stores tensors, and how the workbench hashes and sizes them. */
public final class LittleEndian {

    private LittleEndian() {
    }

    public static byte[] floats(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return bytes.array();
    }

    public static byte[] longs(long... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(values);
        return bytes.array();
    }
}
