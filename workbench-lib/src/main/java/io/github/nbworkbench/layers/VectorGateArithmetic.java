package io.github.nbworkbench.layers;

import java.nio.FloatBuffer;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link GateArithmetic} for FLOAT arrays with the JDK's Vector API: a step's rows are copied into
 * Java arrays (one bulk copy each), computed a whole vector of units at a time (exp and tanh in the
 * JDK's vectorized intrinsics, over ten times faster than one {@code Math.exp} per element), and
 * copied back. Load only when {@link VectorSupport#available()}.
 */
final class VectorGateArithmetic implements GateArithmetic {

    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED;
    private static final FloatVector ONE = FloatVector.broadcast(LANES, 1);

    private final StepArrays arrays;
    private final int n;
    private final int blockSize;       // N * n: one step's units
    private final FloatBuffer gates;
    private final FloatBuffer cells;
    private final FloatBuffer cellTanh;
    private final FloatBuffer hidden;
    private final float[] keep;        // [T, N]: 1, or 0 where the mask zeroes the state
    private float[] gateBlock;         // [N, 4n]
    private float[] cellBlock;         // [N, n]
    private float[] previousCell;      // [N, n]: the cell state step t starts from
    private final float[] tanhBlock;
    private final float[] hiddenBlock;
    // the backward pass's own, made when it starts: a pass for inference never needs them
    private float[] nextGateBlock;     // [N, 4n]: step t + 1's activations
    private float[] deltaBlock;        // [N, 4n]
    private float[] errorBlock;        // [N, n]
    private float[] cellErrors;        // [N, n]: dL/d cell state, carried from step t + 1 to step t
    private float[] stepBiasSums;      // [4n]

    VectorGateArithmetic(StepArrays arrays) {
        this.arrays = arrays;
        this.n = arrays.units();
        this.blockSize = arrays.batch() * n;
        this.gates = arrays.gates().data().asNioFloat();
        this.cells = arrays.cells().data().asNioFloat();
        this.cellTanh = arrays.cellTanh().data().asNioFloat();
        this.hidden = arrays.hidden().data().asNioFloat();
        this.keep = keepByStep(arrays);
        this.gateBlock = new float[4 * blockSize];
        this.cellBlock = new float[blockSize];
        this.previousCell = new float[blockSize];
        this.tanhBlock = new float[blockSize];
        this.hiddenBlock = new float[blockSize];
    }

    private static float[] keepByStep(StepArrays arrays) {
        if (arrays.mask() == null) {
            return null;
        }
        float[] byExample = arrays.mask().castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] byStep = new float[byExample.length];
        for (int b = 0; b < arrays.batch(); b++) {
            for (int t = 0; t < arrays.steps(); t++) {
                byStep[t * arrays.batch() + b] = byExample[b * arrays.steps() + t];
            }
        }
        return byStep;
    }

    @Override
    public void forward(int t) {
        gates.get(4 * t * blockSize, gateBlock);
        if (t == 0) {
            cellBefore(0, previousCell);  // a later step starts from the one before, swapped in below
        }
        for (int b = 0; b < arrays.batch(); b++) {
            float keepState = keep == null ? 1 : keep[t * arrays.batch() + b];
            int g = 4 * b * n;
            int u = b * n;
            for (int j = 0; j < n; j += LANES.length()) {
                VectorMask<Float> lanes = LANES.indexInRange(j, n);
                FloatVector in = load(gateBlock, g + j, lanes).lanewise(VectorOperators.TANH);
                FloatVector forget = sigmoid(load(gateBlock, g + n + j, lanes));
                FloatVector out = sigmoid(load(gateBlock, g + 2 * n + j, lanes));
                FloatVector inGate = sigmoid(load(gateBlock, g + 3 * n + j, lanes));
                FloatVector cell = load(previousCell, u + j, lanes).mul(forget).add(inGate.mul(in));
                FloatVector cellActivation = cell.lanewise(VectorOperators.TANH);
                in.intoArray(gateBlock, g + j, lanes);
                forget.intoArray(gateBlock, g + n + j, lanes);
                out.intoArray(gateBlock, g + 2 * n + j, lanes);
                inGate.intoArray(gateBlock, g + 3 * n + j, lanes);
                cell.mul(keepState).intoArray(cellBlock, u + j, lanes);
                cellActivation.intoArray(tanhBlock, u + j, lanes);
                cellActivation.mul(out).mul(keepState).intoArray(hiddenBlock, u + j, lanes);
            }
        }
        gates.put(4 * t * blockSize, gateBlock);
        cells.put(t * blockSize, cellBlock);
        cellTanh.put(t * blockSize, tanhBlock);
        hidden.put(t * blockSize, hiddenBlock);
        float[] finished = cellBlock;
        cellBlock = previousCell;
        previousCell = finished;
    }

    @Override
    public void backward(int t, INDArray outputErrors, INDArray deltas, double[] biasSums) {
        boolean carried = t < arrays.steps() - 1;
        if (!carried) {
            nextGateBlock = new float[4 * blockSize];
            deltaBlock = new float[4 * blockSize];
            errorBlock = new float[blockSize];
            cellErrors = new float[blockSize];
            stepBiasSums = new float[4 * n];
        }
        float[] next = gateBlock;  // step t + 1's activations, read by the previous call
        gateBlock = nextGateBlock;
        nextGateBlock = next;
        gates.get(4 * t * blockSize, gateBlock);
        outputErrors.data().asNioFloat().get(t * blockSize, errorBlock);
        cellTanh.get(t * blockSize, tanhBlock);
        if (keep != null) {
            cells.get(t * blockSize, cellBlock);
        }
        cellBefore(t, previousCell);
        Arrays.fill(stepBiasSums, 0);
        for (int b = 0; b < arrays.batch(); b++) {
            int g = 4 * b * n;
            int u = b * n;
            for (int j = 0; j < n; j += LANES.length()) {
                VectorMask<Float> lanes = LANES.indexInRange(j, n);
                FloatVector in = load(gateBlock, g + j, lanes);
                FloatVector forget = load(gateBlock, g + n + j, lanes);
                FloatVector out = load(gateBlock, g + 2 * n + j, lanes);
                FloatVector inGate = load(gateBlock, g + 3 * n + j, lanes);
                FloatVector errorOut = load(errorBlock, u + j, lanes);
                FloatVector cellActivation = load(tanhBlock, u + j, lanes);
                // DL4J differentiates tanh at the stored (masked) cell state
                FloatVector derivativeAt = keep == null ? cellActivation : load(cellBlock, u + j, lanes).lanewise(VectorOperators.TANH);
                FloatVector errorCell = errorOut.mul(out).mul(derivativeAt.mul(derivativeAt).neg().add(1));
                if (carried) {
                    errorCell = errorCell.add(load(nextGateBlock, g + n + j, lanes).mul(load(cellErrors, u + j, lanes)));
                }
                errorCell.intoArray(cellErrors, u + j, lanes);
                FloatVector deltaIn = in.mul(in).neg().add(1).mul(inGate).mul(errorCell);
                FloatVector deltaForget = forget.mul(forget.neg().add(1)).mul(errorCell).mul(load(previousCell, u + j, lanes));
                FloatVector deltaOut = errorOut.mul(cellActivation).mul(out).mul(out.neg().add(1));
                FloatVector deltaInGate = inGate.mul(inGate.neg().add(1)).mul(in).mul(errorCell);
                deltaIn.intoArray(deltaBlock, g + j, lanes);
                deltaForget.intoArray(deltaBlock, g + n + j, lanes);
                deltaOut.intoArray(deltaBlock, g + 2 * n + j, lanes);
                deltaInGate.intoArray(deltaBlock, g + 3 * n + j, lanes);
                addInto(stepBiasSums, j, deltaIn, lanes);
                addInto(stepBiasSums, n + j, deltaForget, lanes);
                addInto(stepBiasSums, 2 * n + j, deltaOut, lanes);
                addInto(stepBiasSums, 3 * n + j, deltaInGate, lanes);
            }
        }
        deltas.data().asNioFloat().put(4 * t * blockSize, deltaBlock);
        for (int k = 0; k < stepBiasSums.length; k++) {
            biasSums[k] += stepBiasSums[k];
        }
    }

    /** Fills {@code into} with the cell state before step t: step t - 1's, the initial state, or zeros. */
    private void cellBefore(int t, float[] into) {
        if (t > 0) {
            cells.get((t - 1) * blockSize, into);
        } else if (arrays.initialCell() != null) {
            arrays.initialCell().data().asNioFloat().get(0, into);
        } else {
            Arrays.fill(into, 0);
        }
    }

    private static FloatVector sigmoid(FloatVector x) {
        return ONE.div(x.neg().lanewise(VectorOperators.EXP).add(1));
    }

    private static FloatVector load(float[] array, int index, VectorMask<Float> lanes) {
        return FloatVector.fromArray(LANES, array, index, lanes);
    }

    private static void addInto(float[] sums, int index, FloatVector vector, VectorMask<Float> lanes) {
        load(sums, index, lanes).add(vector).intoArray(sums, index, lanes);
    }
}
