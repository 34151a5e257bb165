package io.github.nbworkbench.data;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Small image datasets whose pixel values tell which example they are. */
final class TinyImages {

    private TinyImages() {
    }

    /**
     * {@code n} examples of shape [1, 2, 2]; every pixel of example i holds i; example i is of class
     * {@code i % 3} ("a", "b", "c").
     */
    static LabeledDataset numbered(int n) {
        float[] pixels = new float[n * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i / 4;
        }
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            classes[i] = i % 3;
        }
        return LabeledDataset.classification(Nd4j.create(pixels, new long[] {n, 1, 2, 2}, 'c').castTo(DataType.FLOAT),
                classes, List.of("a", "b", "c"));
    }
}
