package io.github.nbworkbench.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** See {@link Metric#ACCURACY}. */
final class Accuracy implements Metric {

    @Override
    public String name() {
        return "accuracy";
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
                correct += correct(rows.labels(), rows.outputs());
                total += rows.count();
            }

            @Override
            public double value() {
                return total == 0 ? Double.NaN : (double) correct / total;
            }
        };
    }

    private static long correct(INDArray labels, INDArray outputs) {
        if (outputs.columns() == 1) {
            INDArray predicted = outputs.gte(0.5);
            INDArray actual = labels.gte(0.5);
            return predicted.eq(actual).castTo(DataType.INT64).sumNumber().longValue();
        }
        INDArray predicted = outputs.argMax(1);
        INDArray actual = labels.argMax(1);
        return predicted.eq(actual).castTo(DataType.INT64).sumNumber().longValue();
    }
}
