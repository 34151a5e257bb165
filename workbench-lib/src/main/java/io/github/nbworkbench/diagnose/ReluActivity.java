package io.github.nbworkbench.diagnose;

import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * How much of a ReLU layer's output in one training step is zero: the share of all values, and the
 * share of units that are zero for every example. A unit is dimension 1 of the output: a neuron of a
 * dense layer {@code [batch, units]}, a channel of a convolution {@code [batch, channels, h, w]} (NCHW,
 * DL4J's default), a neuron at every time step of a recurrent layer {@code [batch, units, time]}. A
 * step that accumulates the gradients of several batches adds each batch's output: a unit is dead
 * when it is zero for every example of them all.
 */
final class ReluActivity {

    private long zeros;
    private long values;
    /** The largest output of each unit so far: ReLU outputs are never negative, so 0 means 0 everywhere. */
    private INDArray largestPerUnit;

    /** Adds the layer's output on one more batch of the step. */
    void add(INDArray output) {
        zeros += output.eq(0.0).castTo(DataType.LONG).sumNumber().longValue();
        values += output.length();
        int[] allButUnits = IntStream.range(0, output.rank()).filter(dimension -> dimension != 1).toArray();
        INDArray largest = output.max(allButUnits).castTo(DataType.DOUBLE);
        largestPerUnit = largestPerUnit == null ? largest : Transforms.max(largestPerUnit, largest, true);
    }

    double zeroShare() {
        return (double) zeros / values;
    }

    double deadShare() {
        return largestPerUnit.eq(0.0).castTo(DataType.DOUBLE).meanNumber().doubleValue();
    }
}
