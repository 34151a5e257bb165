package io.github.nbworkbench.diagnose;

import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How much of a ReLU layer's output on one batch is zero: the share of all values, and the share of
 * units that are zero for every example. A unit is dimension 1 of the output: a neuron of a dense
 * layer {@code [batch, units]}, a channel of a convolution {@code [batch, channels, h, w]} (NCHW,
 * DL4J's default), a neuron at every time step of a recurrent layer {@code [batch, units, time]}.
 */
record ReluActivity(double zeroShare, double deadShare) {

    static ReluActivity of(INDArray output) {
        double zeroShare = output.eq(0.0).castTo(DataType.DOUBLE).meanNumber().doubleValue();
        int[] allButUnits = IntStream.range(0, output.rank()).filter(dimension -> dimension != 1).toArray();
        // ReLU outputs are never negative, so a unit whose largest output is 0 is 0 everywhere
        INDArray largestPerUnit = output.max(allButUnits);
        double deadShare = largestPerUnit.eq(0.0).castTo(DataType.DOUBLE).meanNumber().doubleValue();
        return new ReluActivity(zeroShare, deadShare);
    }
}
