package io.github.nbworkbench.train;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Outputs and labels flattened to one row per example (per time step, for sequences) with masked-out
 * rows dropped; null arrays when no row is left.
 */
record UnmaskedRows(INDArray labels, INDArray outputs) {

    static UnmaskedRows of(INDArray labels, INDArray outputs, INDArray labelsMask) {
        if (labels.rank() == 2 && labelsMask == null) {
            return new UnmaskedRows(labels, outputs);
        }
        INDArray labelRows = labels.rank() == 3 ? perTimeStep(labels) : labels;
        INDArray outputRows = outputs.rank() == 3 ? perTimeStep(outputs) : outputs;
        if (labelRows.rank() != 2) {
            throw new IllegalArgumentException("Metrics take outputs of rank 2, or rank 3 for sequences; got labels of shape "
                    + Arrays.toString(labels.shape()));
        }
        if (labelsMask == null) {
            return new UnmaskedRows(labelRows, outputRows);
        }
        INDArray mask = Nd4j.toFlattened('c', labelsMask);
        int[] kept = IntStream.range(0, (int) mask.length()).filter(i -> mask.getDouble(i) > 0).toArray();
        if (kept.length == 0) {
            return new UnmaskedRows(null, null);
        }
        return kept.length == labelRows.rows() ? new UnmaskedRows(labelRows, outputRows)
                : new UnmaskedRows(labelRows.getRows(kept), outputRows.getRows(kept));
    }

    boolean isEmpty() {
        return labels == null;
    }

    long count() {
        return labels == null ? 0 : labels.rows();
    }

    private static INDArray perTimeStep(INDArray sequence) {
        long examples = sequence.size(0);
        long columns = sequence.size(1);
        long steps = sequence.size(2);
        return sequence.permute(0, 2, 1).dup('c').reshape('c', examples * steps, columns);
    }
}
