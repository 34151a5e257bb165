package io.github.nbworkbench.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** See {@link Metric#topK(int)}; the labels are one-hot. */
final class TopKAccuracy implements Metric {

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
    public Accumulator newAccumulator() {
        return new Accumulator() {
            private long correct;
            private long total;

            @Override
            public void add(INDArray labels, INDArray outputs, INDArray labelsMask) {
                Rows rows = Rows.of(labels, outputs, labelsMask);
                if (rows.isEmpty()) {
                    return;
                }
                INDArray out = rows.outputs().castTo(DataType.DOUBLE);
                INDArray trueScore = out.mul(rows.labels().castTo(DataType.DOUBLE)).sum(true, 1);
                // an example is correct when fewer than k classes score strictly higher than its labelled class
                INDArray higher = out.subColumnVector(trueScore).gt(0).castTo(DataType.INT64).sum(1);
                correct += higher.lt(k).castTo(DataType.INT64).sumNumber().longValue();
                total += rows.count();
            }

            @Override
            public double value() {
                return total == 0 ? Double.NaN : (double) correct / total;
            }
        };
    }
}
