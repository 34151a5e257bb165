package io.github.nbworkbench.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A metric that is the fraction of examples counted correct; subclasses say which are. */
abstract class FractionCorrect implements Metric {

    /** How many rows of these unmasked labels and outputs, [rows, n], are correct. */
    abstract long correct(INDArray labels, INDArray outputs);

    @Override
    public final Accumulator newAccumulator() {
        return new Accumulator() {
            private long correct;
            private long total;

            @Override
            public void add(INDArray labels, INDArray outputs, INDArray labelsMask) {
                UnmaskedRows rows = UnmaskedRows.of(labels, outputs, labelsMask);
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
}
