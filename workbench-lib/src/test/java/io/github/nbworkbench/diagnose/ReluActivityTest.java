package io.github.nbworkbench.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ReluActivityTest {

    @Test
    void aDenseUnitIsDeadWhenZeroForEveryExample() {
        INDArray outputs = Nd4j.create(new float[][] {{0, 1, 0, 0}, {0, 2, 3, 0}}); // 2 examples, 4 units

        ReluActivity activity = ReluActivity.of(outputs);

        assertEquals(5 / 8.0, activity.zeroShare(), 1e-9);
        assertEquals(2 / 4.0, activity.deadShare(), 1e-9, "units 0 and 3");
    }

    @Test
    void aConvolutionChannelIsDeadWhenZeroForEveryExampleAndPosition() {
        INDArray outputs = Nd4j.zeros(DataType.FLOAT, 2, 3, 4, 4); // NCHW: 2 examples, 3 channels
        outputs.putScalar(new long[] {1, 2, 3, 3}, 0.5f);            // channel 2 fires once

        ReluActivity activity = ReluActivity.of(outputs);

        assertEquals(2 / 3.0, activity.deadShare(), 1e-9, "channels 0 and 1");
        assertEquals(1 - 1 / 96.0, activity.zeroShare(), 1e-9);
    }
}
