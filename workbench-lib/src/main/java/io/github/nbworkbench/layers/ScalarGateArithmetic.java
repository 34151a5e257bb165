package io.github.nbworkbench.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link GateArithmetic} one element at a time, in double precision, for FLOAT and DOUBLE arrays. */
final class ScalarGateArithmetic implements GateArithmetic {

    private final StepArrays arrays;
    private final Values gates;
    private final Values cells;
    private final Values cellTanh;
    private final Values hidden;
    private final Values initialCell;
    private final Values mask;
    private Values cellErrors;        // [N, n]: dL/d cell state, carried from step t + 1 to step t; made when backward starts

    ScalarGateArithmetic(StepArrays arrays) {
        this.arrays = arrays;
        this.gates = Values.of(arrays.gates());
        this.cells = Values.of(arrays.cells());
        this.cellTanh = Values.of(arrays.cellTanh());
        this.hidden = Values.of(arrays.hidden());
        this.initialCell = arrays.initialCell() == null ? null : Values.of(arrays.initialCell());
        this.mask = arrays.mask() == null ? null : Values.of(arrays.mask());
    }

    @Override
    public void forward(int t) {
        int batch = arrays.batch();
        int n = arrays.units();
        for (int b = 0; b < batch; b++) {
            int row = t * batch + b;
            int g = row * 4 * n;
            int u = row * n;
            double keep = mask == null ? 1 : mask.get(b * arrays.steps() + t);
            for (int j = 0; j < n; j++) {
                double in = tanh(gates.get(g + j));
                double forget = sigmoid(gates.get(g + n + j));
                double out = sigmoid(gates.get(g + 2 * n + j));
                double inGate = sigmoid(gates.get(g + 3 * n + j));
                double cell = cellBefore(t, b, u, j) * forget + inGate * in;
                double cellActivation = tanh(cell);
                gates.set(g + j, in);
                gates.set(g + n + j, forget);
                gates.set(g + 2 * n + j, out);
                gates.set(g + 3 * n + j, inGate);
                cells.set(u + j, cell * keep);
                cellTanh.set(u + j, cellActivation);
                hidden.set(u + j, cellActivation * out * keep);
            }
        }
    }

    @Override
    public void backward(int t, INDArray outputErrors, INDArray deltas, double[] biasSums) {
        Values dh = Values.of(outputErrors);
        Values d = Values.of(deltas);
        int batch = arrays.batch();
        int n = arrays.units();
        boolean carried = t < arrays.steps() - 1;
        if (!carried) {
            cellErrors = Values.of(Nd4j.createUninitializedDetached(arrays.gates().dataType(), batch, n));
        }
        for (int b = 0; b < batch; b++) {
            int row = t * batch + b;
            int g = row * 4 * n;
            int u = row * n;
            for (int j = 0; j < n; j++) {
                double in = gates.get(g + j);
                double forget = gates.get(g + n + j);
                double out = gates.get(g + 2 * n + j);
                double inGate = gates.get(g + 3 * n + j);
                double errorOut = dh.get(u + j);
                double cellActivation = cellTanh.get(u + j);
                // DL4J differentiates tanh at the stored (masked) cell state
                double derivativeAt = mask == null ? cellActivation : tanh(cells.get(u + j));
                double errorCell = errorOut * out * (1 - derivativeAt * derivativeAt);
                if (carried) {
                    double nextForget = gates.get(g + 4 * n * batch + n + j);
                    errorCell += nextForget * cellErrors.get(b * n + j);
                }
                cellErrors.set(b * n + j, errorCell);
                double deltaIn = (1 - in * in) * inGate * errorCell;
                double deltaForget = forget * (1 - forget) * errorCell * cellBefore(t, b, u, j);
                double deltaOut = errorOut * cellActivation * out * (1 - out);
                double deltaInGate = inGate * (1 - inGate) * in * errorCell;
                d.set(g + j, deltaIn);
                d.set(g + n + j, deltaForget);
                d.set(g + 2 * n + j, deltaOut);
                d.set(g + 3 * n + j, deltaInGate);
                biasSums[j] += deltaIn;
                biasSums[n + j] += deltaForget;
                biasSums[2 * n + j] += deltaOut;
                biasSums[3 * n + j] += deltaInGate;
            }
        }
    }

    /** The cell state unit j of example b had before step t (u: the index of step t's unit 0 of example b). */
    private double cellBefore(int t, int b, int u, int j) {
        if (t > 0) {
            return cells.get(u - arrays.batch() * arrays.units() + j);
        }
        return initialCell == null ? 0 : initialCell.get(b * arrays.units() + j);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Through {@link Math#exp}, which the JIT compiles to a fast intrinsic, unlike {@link Math#tanh}. */
    private static double tanh(double x) {
        return 1 - 2 / (Math.exp(2 * x) + 1);
    }
}
