package io.github.nbworkbench.augment;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Labeled batches with known content for the label-mixing tests. */
final class LabeledTestBatches {

    private LabeledTestBatches() {
    }

    /** Example i is an image of constant value i + 1 with the one-hot label of class i mod {@code classes}. */
    static DataSet constantImages(int n, int channels, int side, int classes) {
        float[] pixels = new float[n * channels * side * side];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i / (channels * side * side) + 1;
        }
        return new DataSet(Nd4j.create(pixels, new long[] {n, channels, side, side}, 'c'), oneHot(n, classes));
    }

    /** Example i has class i mod {@code classes}; every pixel value in the batch is distinct. */
    static DataSet countingImages(int n, int channels, int side, int classes) {
        return new DataSet(TestImages.counting(n, channels, side, side), oneHot(n, classes));
    }

    static org.nd4j.linalg.api.ndarray.INDArray oneHot(int n, int classes) {
        float[][] rows = new float[n][classes];
        for (int i = 0; i < n; i++) {
            rows[i][i % classes] = 1;
        }
        return Nd4j.create(rows);
    }
}
