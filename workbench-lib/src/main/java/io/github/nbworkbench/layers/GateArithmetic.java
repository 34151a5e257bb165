package io.github.nbworkbench.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The element-wise part of an LSTM time step, on the {@link StepArrays} of one pass: after the
 * pass has added the recurrent product into a step's rows, the gate activations, cell state and
 * output (forward), or the gate deltas (backward). DL4J's gate order: [cell input (tanh), forget,
 * output, input gate]; c = f * c' + g * i, h = o * tanh(c).
 */
sealed interface GateArithmetic permits ScalarGateArithmetic, VectorGateArithmetic {

    /**
     * Step {@code t}, called from the first step up: the gate activations in place of their
     * pre-activations, the cell state, its tanh and the output.
     */
    void forward(int t);

    /**
     * Step {@code t} of the backward pass, called from the last step down: from dL/d output of step
     * t ({@code outputErrors}, [T * N, n], the recurrent part already added) and the cell error
     * carried from step t + 1, the deltas of the gate pre-activations of step t into
     * {@code deltas} ([T * N, 4n]), and their sum over the examples added to {@code biasSums}.
     */
    void backward(int t, INDArray outputErrors, INDArray deltas, double[] biasSums);

    /** The fastest arithmetic for these arrays: the JDK's Vector API for FLOAT when Java runs with it, else scalar Java. */
    static GateArithmetic of(StepArrays arrays) {
        return arrays.gates().dataType() == DataType.FLOAT && VectorSupport.available()
                ? new VectorGateArithmetic(arrays)
                : new ScalarGateArithmetic(arrays);
    }
}
