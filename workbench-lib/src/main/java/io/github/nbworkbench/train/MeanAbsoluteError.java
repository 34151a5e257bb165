package io.github.nbworkbench.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** See {@link Metric#MAE}. */
final class MeanAbsoluteError implements Metric {

    @Override
    public String name() {
        return "mae";
    }

    @Override
    public Accumulator newAccumulator() {
        return new Accumulator() {
            private double sum;
            private long count;

            @Override
            public void add(INDArray labels, INDArray outputs, INDArray labelsMask) {
                UnmaskedRows rows = UnmaskedRows.of(labels, outputs, labelsMask);
                if (rows.isEmpty()) {
                    return;
                }
                sum += Transforms.abs(rows.outputs().sub(rows.labels())).sumNumber().doubleValue();
                count += rows.labels().length();
            }

            @Override
            public double value() {
                return count == 0 ? Double.NaN : sum / count;
            }
        };
    }
}
