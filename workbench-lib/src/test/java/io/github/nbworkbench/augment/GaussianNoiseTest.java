package io.github.nbworkbench.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class GaussianNoiseTest {

    @Test
    void noiseHasTheRequestedStandardDeviationAndNoBias() {
        INDArray gray = TestImages.constant(64, 1, 28, 28, 0.5f);
        INDArray noisy = new GaussianNoise(0.08).apply(gray, new SplittableRandom(1));
        INDArray noise = noisy.sub(gray);
        assertEquals(0.0, noise.meanNumber().doubleValue(), 0.001);
        assertEquals(0.08, noise.stdNumber().doubleValue(), 0.08 * 0.02);
    }

    @Test
    void clippingKeepsValuesInTheUnitRangeUnlessSwitchedOff() {
        INDArray dark = TestImages.constant(4, 1, 16, 16, 0f);
        INDArray clipped = new GaussianNoise(0.5).apply(dark, new SplittableRandom(1));
        assertTrue(clipped.minNumber().doubleValue() >= 0 && clipped.maxNumber().doubleValue() <= 1);
        INDArray unclipped = new GaussianNoise(0.5, false).apply(dark, new SplittableRandom(1));
        assertTrue(unclipped.minNumber().doubleValue() < -0.5);
    }

    @Test
    void zeroStandardDeviationChangesNothing() {
        INDArray batch = TestImages.counting(2, 3, 4, 4);
        assertEquals(batch, new GaussianNoise(0, false).apply(batch, new SplittableRandom(1)));
    }
}
