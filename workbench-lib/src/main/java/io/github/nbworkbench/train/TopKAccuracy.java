package io.github.nbworkbench.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** See {@link Metric#topK(int)}; the labels are one-hot. */
final class TopKAccuracy extends FractionCorrect {

    private final int k;

    TopKAccuracy(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        this.k = k;
    }

    @Override
    public String name() {
        return "top" + k + "_accuracy";
    }

    @Override
    long correct(INDArray labels, INDArray outputs) {
        INDArray out = outputs.castTo(DataType.DOUBLE);
        INDArray trueScore = out.mul(labels.castTo(DataType.DOUBLE)).sum(true, 1);
        // an example is correct when fewer than k classes score strictly higher than its labelled class
        INDArray higher = out.subColumnVector(trueScore).gt(0).castTo(DataType.INT64).sum(1);
        return higher.lt(k).castTo(DataType.INT64).sumNumber().longValue();
    }
}
