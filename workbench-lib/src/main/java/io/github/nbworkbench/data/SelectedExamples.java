package io.github.nbworkbench.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Copies chosen examples (first-dimension entries) out of an array of any rank. */
final class SelectedExamples {

    private SelectedExamples() {
    }

    static INDArray copy(INDArray array, int[] indices) {
        long n = array.size(0);
        for (int i : indices) {
            if (i < 0 || i >= n) {
                throw new IndexOutOfBoundsException("example index " + i + " is outside 0.." + (n - 1));
            }
        }
        long[] shape = array.shape().clone();
        shape[0] = indices.length;
        if (indices.length == 0) {
            return Nd4j.create(array.dataType(), shape);
        }
        INDArray matrix = array.reshape('c', n, array.length() / n);
        return Nd4j.pullRows(matrix, 1, indices, 'c').reshape('c', shape);
    }
}
