package io.github.nbworkbench.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The arrays of one {@link FusedLstmPass} that its element-wise step arithmetic reads and writes,
 * all c-ordered and laid out by time step: step t is rows [t * N, (t + 1) * N).
 *
 * @param gates       [T * N, 4n]: the gate pre-activations, replaced by their activations
 * @param cells       [T * N, n]: the cell state, zeroed at masked steps
 * @param cellTanh    [T * N, n]: tanh of the cell state before masking
 * @param hidden      [T * N, n]: the output, zeroed at masked steps
 * @param initialCell [N, n], or null for zeros
 * @param mask        [N, T], or null
 */
record StepArrays(int batch, int steps, int units, INDArray gates, INDArray cells, INDArray cellTanh, INDArray hidden,
                  INDArray initialCell, INDArray mask) {
}
