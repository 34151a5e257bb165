package io.github.nbworkbench.kernel.render;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ArrayRenderersTest {
    @Test
    void showsShapeTypeAndValues() {
        String text = ArrayRenderers.text(Nd4j.linspace(1, 6, 6, DataType.FLOAT).reshape(2, 3));
        assertTrue(text.startsWith("INDArray shape=[2, 3] dtype=FLOAT"), text);
        assertTrue(text.contains("6.0000"), text);
    }

    @Test
    void shortensLargeArrays() {
        String text = ArrayRenderers.text(Nd4j.zeros(DataType.DOUBLE, 100, 100));
        assertTrue(text.contains("10000 elements, shortened"), text);
        assertTrue(text.contains("..."), text);
        assertTrue(text.length() < 5000, "length " + text.length());
    }
}
