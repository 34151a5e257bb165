package io.github.nbworkbench.deploy;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Half precision: a copy of a whole network, parameters and activations, in FP16, half the bytes.
 * On CPU, DL4J M2.1 computes FP16 far slower than FP32 (only FLOAT and DOUBLE go through BLAS), so
 * this buys size, not speed; on a GPU it buys both.
 */
public final class Fp16 {

    private Fp16() {
    }

    /** An FP16 copy of {@code network}; the network itself is unchanged. */
    public static MultiLayerNetwork convert(MultiLayerNetwork network) {
        return network.convertDataType(DataType.HALF);
    }
}
