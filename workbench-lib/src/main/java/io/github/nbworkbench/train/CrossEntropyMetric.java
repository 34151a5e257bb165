package io.github.nbworkbench.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A metric derived from the mean cross-entropy, in nats, of the predicted distribution per example
 * (per time step, for sequences): {@code -sum(labels * log(outputs))}, outputs clamped at
 * {@value #SMALLEST_PROBABILITY} so that a zero probability costs a large finite amount, not infinity.
 */
abstract class CrossEntropyMetric implements Metric {

    static final double SMALLEST_PROBABILITY = 1e-12;

    /** The metric for a mean cross-entropy of {@code nats} per example. */
    abstract double fromMeanNats(double nats);

    @Override
    public final Accumulator newAccumulator() {
        return new Accumulator() {
            private double nats;
            private long count;

            @Override
            public void add(INDArray labels, INDArray outputs, INDArray labelsMask) {
                UnmaskedRows rows = UnmaskedRows.of(labels, outputs, labelsMask);
                if (rows.isEmpty()) {
                    return;
                }
                INDArray logs = Transforms.log(Transforms.max(rows.outputs(), SMALLEST_PROBABILITY, true), false);
                nats -= logs.muli(rows.labels()).sumNumber().doubleValue();
                count += rows.count();
            }

            @Override
            public double value() {
                return count == 0 ? Double.NaN : fromMeanNats(nats / count);
            }
        };
    }
}
