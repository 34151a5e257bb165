package io.github.nbworkbench.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** See {@link Metric#ACCURACY}. */
final class Accuracy extends FractionCorrect {

    @Override
    public String name() {
        return "accuracy";
    }

    @Override
    long correct(INDArray labels, INDArray outputs) {
        boolean binary = outputs.columns() == 1;
        INDArray predicted = binary ? outputs.gte(0.5) : outputs.argMax(1);
        INDArray actual = binary ? labels.gte(0.5) : labels.argMax(1);
        return predicted.eq(actual).castTo(DataType.INT64).sumNumber().longValue();
    }
}
