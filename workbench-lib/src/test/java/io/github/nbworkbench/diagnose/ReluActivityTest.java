package io.github.nbworkbench.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ReluActivityTest {

    private static ReluActivity of(INDArray... batches) {
        ReluActivity activity = new ReluActivity();
        for (INDArray batch : batches) {
            activity.add(batch);
        }
        return activity;
    }

    @Test
    void aDenseUnitIsDeadWhenZeroForEveryExample() {
        INDArray outputs = Nd4j.create(new float[][] {{0, 1, 0, 0}, {0, 2, 3, 0}}); // 2 examples, 4 units

        ReluActivity activity = of(outputs);

        assertEquals(5 / 8.0, activity.zeroShare(), 1e-9);
        assertEquals(2 / 4.0, activity.deadShare(), 1e-9, "units 0 and 3");
    }

    @Test
    void aConvolutionChannelIsDeadWhenZeroForEveryExampleAndPosition() {
        INDArray outputs = Nd4j.zeros(DataType.FLOAT, 2, 3, 4, 4); // NCHW: 2 examples, 3 channels
        outputs.putScalar(new long[] {1, 2, 3, 3}, 0.5f);            // channel 2 fires once

        ReluActivity activity = of(outputs);

        assertEquals(2 / 3.0, activity.deadShare(), 1e-9, "channels 0 and 1");
        assertEquals(1 - 1 / 96.0, activity.zeroShare(), 1e-9);
    }

    @Test
    void theBatchesOfAnAccumulatedStepCountTogether() {
        INDArray first = Nd4j.create(new float[][] {{0, 1, 0, 0}, {0, 2, 0, 0}});   // units 0, 2, 3 zero here
        INDArray second = Nd4j.create(new float[][] {{0, 0, 4, 0}});                // unit 2 fires in the next batch

        ReluActivity activity = of(first, second);

        assertEquals(2 / 4.0, activity.deadShare(), 1e-9, "units 0 and 3 are zero in both batches; unit 2 is not dead");
        assertEquals(9 / 12.0, activity.zeroShare(), 1e-9, "6 of 8 values, then 3 of 4");
    }
}
