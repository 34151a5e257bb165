package io.github.nbworkbench.augment;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small handmade batches with known content. */
final class TestImages {

    private TestImages() {
    }

    /** One image per row of {@code rows}: [1, 1, H, W]. */
    static INDArray gray(float[][] rows) {
        return Nd4j.create(rows).reshape(1, 1, rows.length, rows[0].length);
    }

    /** [n, c, h, w] whose values are 1, 2, 3, ... in row-major order: every pixel is distinct. */
    static INDArray counting(int n, int c, int h, int w) {
        float[] values = new float[n * c * h * w];
        for (int i = 0; i < values.length; i++) {
            values[i] = i + 1;
        }
        return Nd4j.create(values, new long[] {n, c, h, w}, 'c');
    }

    /** [n, c, h, w] filled with {@code value}. */
    static INDArray constant(int n, int c, int h, int w, float value) {
        return Nd4j.valueArrayOf(new long[] {n, c, h, w}, value);
    }
}
