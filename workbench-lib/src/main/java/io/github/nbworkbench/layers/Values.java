package io.github.nbworkbench.layers;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The elements of a contiguous, c-ordered array read and written in place through its native
 * memory, whatever its floating-point type, so the gate arithmetic is written once for FLOAT and
 * DOUBLE.
 */
sealed interface Values {

    double get(int index);

    void set(int index, double value);

    /** The elements of {@code array}, which must be a c-ordered FLOAT or DOUBLE array spanning its whole buffer. */
    static Values of(INDArray array) {
        if (array.ordering() != 'c' || array.offset() != 0 || array.length() != array.data().length()) {
            throw new IllegalArgumentException("Expected a c-ordered array with its own buffer, got " + array.shapeInfoToString());
        }
        if (array.dataType() == DataType.FLOAT) {
            return new Floats(array.data().asNioFloat());
        }
        if (array.dataType() == DataType.DOUBLE) {
            return new Doubles(array.data().asNioDouble());
        }
        throw new IllegalArgumentException("The fused LSTM computes in FLOAT or DOUBLE, got " + array.dataType());
    }

    record Floats(FloatBuffer buffer) implements Values {
        @Override
        public double get(int index) {
            return buffer.get(index);
        }

        @Override
        public void set(int index, double value) {
            buffer.put(index, (float) value);
        }
    }

    record Doubles(DoubleBuffer buffer) implements Values {
        @Override
        public double get(int index) {
            return buffer.get(index);
        }

        @Override
        public void set(int index, double value) {
            buffer.put(index, value);
        }
    }
}
