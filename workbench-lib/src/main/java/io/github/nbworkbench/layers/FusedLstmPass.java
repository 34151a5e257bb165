package io.github.nbworkbench.layers;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One forward pass of an LSTM over a whole sequence, kept for its backward pass, with DL4J's
 * parameter layout and arithmetic ({@code LSTMHelpers}, no peepholes, tanh cell activation,
 * sigmoid gates): W [nIn, 4n], RW [n, 4n], b [1, 4n], gate blocks in DL4J's order [cell input
 * (tanh), forget, output, input gate]; c = f * c' + g * i, h = o * tanh(c).
 *
 * <p>Everything is laid out by time step: the inputs as one [T * N, nIn] matrix, so the input
 * projection of all steps is one product; the gates of step t as rows [t * N, (t + 1) * N) of one
 * [T * N, 4n] matrix, so each step's recurrent product adds into one contiguous block, and the gate
 * arithmetic is one pass over it. The backward pass leaves the gate deltas of all steps in one
 * matrix and ends with one product per weight gradient.
 *
 * <p>Masks follow DL4J: a masked step's hidden and cell state are zeroed in the forward pass
 * (so the next step starts from zero), and the backward pass ignores the mask (the output layer has
 * already zeroed those steps' errors), evaluating the cell's tanh derivative at the zeroed state as
 * DL4J does. All arrays here live outside workspaces.
 */
final class FusedLstmPass {

    private final int batch;
    private final int steps;
    private final int units;
    private final INDArray inputsByTime;  // [T*N, nIn]
    private final INDArray gates;         // [T*N, 4n]: pre-activations, then activations
    private final INDArray cells;         // [T*N, n]: cell state, masked
    private final INDArray cellTanh;      // [T*N, n]: tanh of the cell state before masking
    private final INDArray hidden;        // [T*N, n]: output, masked
    private final INDArray initialHidden; // [N, n] or null (zeros)
    private final ScratchArrays scratch;
    private final GateArithmetic arithmetic;

    private FusedLstmPass(INDArray inputsByTime, int batch, int units, INDArray initialHidden, INDArray initialCell, INDArray mask,
                          ScratchArrays scratch) {
        this.batch = batch;
        this.steps = (int) (inputsByTime.size(0) / batch);
        this.units = units;
        this.scratch = scratch;
        this.inputsByTime = inputsByTime;
        DataType type = inputsByTime.dataType();
        this.gates = scratch.get("gates", type, inputsByTime.size(0), 4L * units);
        this.cells = scratch.get("cells", type, inputsByTime.size(0), units);
        this.cellTanh = scratch.get("cellTanh", type, inputsByTime.size(0), units);
        this.hidden = scratch.get("hidden", type, inputsByTime.size(0), units);
        this.initialHidden = initialHidden;
        this.arithmetic = GateArithmetic.of(new StepArrays(batch, steps, units, gates, cells, cellTanh, hidden, initialCell, mask));
    }

    /**
     * Runs the LSTM over {@code input} [N, nIn, T] from the state {@code previousHidden} and
     * {@code previousCell} ([N, n] each, or null for zeros), zeroing the state at steps where
     * {@code mask} [N, T] (or null) is 0. The pass keeps its arrays in {@code scratch}: it holds
     * until the next pass on the same scratch arrays.
     */
    static FusedLstmPass forward(INDArray input, INDArray inputWeights, INDArray recurrentWeights, INDArray bias,
                                 INDArray previousHidden, INDArray previousCell, INDArray mask, ScratchArrays scratch) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            int batch = (int) input.size(0);
            INDArray byTime = scratch.get("inputsByTime", inputWeights.dataType(), input.size(2), batch, input.size(1));
            byTime.assign(input.permute(2, 0, 1));
            FusedLstmPass pass = new FusedLstmPass(byTime.reshape('c', input.size(2) * batch, input.size(1)), batch,
                    (int) recurrentWeights.size(0), ownCopy(previousHidden, inputWeights), ownCopy(previousCell, inputWeights),
                    ownCopy(mask, inputWeights), scratch);
            pass.run(inputWeights, recurrentWeights, bias);
            return pass;
        }
    }

    private static INDArray ownCopy(INDArray array, INDArray like) {
        return array == null ? null : array.castTo(like.dataType()).dup('c');
    }

    private void run(INDArray inputWeights, INDArray recurrentWeights, INDArray bias) {
        Nd4j.gemm(inputsByTime, inputWeights, gates, false, false, 1.0, 0.0);
        gates.addiRowVector(bias);
        for (int t = 0; t < steps; t++) {
            INDArray previous = t > 0 ? rows(hidden, t - 1) : initialHidden;
            if (previous != null) {
                Nd4j.gemm(previous, recurrentWeights, rows(gates, t), false, false, 1.0, 1.0);
            }
            arithmetic.forward(t);
        }
    }

    /** Rows [t * N, (t + 1) * N) of a by-time matrix: step t's block. */
    private INDArray rows(INDArray byTime, int t) {
        return byTime.get(interval((long) t * batch, (long) (t + 1) * batch), all());
    }

    /** Rows from step {@code first} to step {@code end} (exclusive). */
    private INDArray rows(INDArray byTime, int first, int end) {
        return byTime.get(interval((long) first * batch, (long) end * batch), all());
    }

    /** The output by time step, [T, N, n], a view of this pass's own array. */
    INDArray outputByTime() {
        return hidden.reshape('c', steps, batch, units);
    }

    /** The hidden state after the last step, [N, n], detached. */
    INDArray lastHidden() {
        return lastRows(hidden);
    }

    /** The cell state after the last step, [N, n], detached. */
    INDArray lastCell() {
        return lastRows(cells);
    }

    private INDArray lastRows(INDArray byTime) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return rows(byTime, steps - 1).dup('c');
        }
    }

    int steps() {
        return steps;
    }

    /**
     * Backpropagates {@code epsilon} (dL/d output, [N, n, T]) through the steps from {@code first}
     * to the end (steps before it get no error, as in DL4J's truncated BPTT), writes the weight
     * gradients into the given arrays and returns dL/d input by time step, [T, N, nIn], a view of
     * an array of its own, or null unless {@code inputGradient}.
     */
    INDArray backward(INDArray epsilon, int first, boolean inputGradient, INDArray inputWeights, INDArray recurrentWeights,
                      INDArray inputWeightGradient, INDArray recurrentWeightGradient, INDArray biasGradient) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            DataType type = gates.dataType();
            INDArray outputErrors = scratch.get("outputErrors", type, steps, batch, units);
            outputErrors.assign(epsilon.permute(2, 0, 1));
            outputErrors = outputErrors.reshape('c', (long) steps * batch, units);
            INDArray deltas = scratch.get("deltas", type, gates.shape());
            double[] biasSums = gateDeltas(outputErrors, deltas, first, recurrentWeights);
            INDArray stepDeltas = rows(deltas, first, steps);
            Nd4j.gemm(rows(inputsByTime, first, steps), stepDeltas, inputWeightGradient, true, false, 1.0, 0.0);
            recurrentWeightGradient.assign(0);
            int withPrevious = Math.max(first, 1);
            if (withPrevious < steps) {
                Nd4j.gemm(rows(hidden, withPrevious - 1, steps - 1), rows(deltas, withPrevious, steps),
                        recurrentWeightGradient, true, false, 1.0, 0.0);
            }
            if (first == 0 && initialHidden != null) {
                Nd4j.gemm(initialHidden, rows(deltas, 0), recurrentWeightGradient, true, false, 1.0, 1.0);
            }
            biasGradient.assign(Nd4j.createFromArray(biasSums).reshape(biasGradient.shape()));
            if (!inputGradient) {
                return null;
            }
            INDArray inputErrors = scratch.get("inputErrors", type, inputsByTime.shape());
            if (first > 0) {
                rows(inputErrors, 0, first).assign(0);
            }
            Nd4j.gemm(stepDeltas, inputWeights, rows(inputErrors, first, steps), false, true, 1.0, 0.0);
            return inputErrors.reshape('c', steps, batch, inputsByTime.size(1));
        }
    }

    /**
     * Fills {@code deltas} (dL/d gate pre-activations) step by step from the last to {@code first};
     * returns their sums over the examples and those steps, the bias gradient (a column sum of the
     * deltas in ND4J cost more than all the gate arithmetic).
     */
    private double[] gateDeltas(INDArray outputErrors, INDArray deltas, int first, INDArray recurrentWeights) {
        double[] biasSums = new double[4 * units];
        for (int t = steps - 1; t >= first; t--) {
            if (t < steps - 1) {
                Nd4j.gemm(rows(deltas, t + 1), recurrentWeights, rows(outputErrors, t), false, true, 1.0, 1.0);
            }
            arithmetic.backward(t, outputErrors, deltas, biasSums);
        }
        return biasSums;
    }
}
