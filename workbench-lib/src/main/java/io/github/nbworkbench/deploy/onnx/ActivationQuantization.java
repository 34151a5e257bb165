package io.github.nbworkbench.deploy.onnx;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a tensor of activations is stored as uint8 in a QDQ graph: {@code value = (q - zeroPoint) * scale},
 * q in 0..255, covering the range seen in calibration (and zero, which must stay exact: padding and
 * ReLU produce it).
 */
record ActivationQuantization(float scale, int zeroPoint) {

    private static final int LEVELS = 255;

    /** The quantization that covers every value of {@code calibration}. */
    static ActivationQuantization covering(INDArray calibration) {
        double min = Math.min(0, calibration.minNumber().doubleValue());
        double max = Math.max(0, calibration.maxNumber().doubleValue());
        if (max == min) {
            return new ActivationQuantization(1f, 0);
        }
        float scale = (float) ((max - min) / LEVELS);
        int zeroPoint = (int) Math.max(0, Math.min(LEVELS, Math.round(-min / scale)));
        return new ActivationQuantization(scale, zeroPoint);
    }
}
