package io.github.nbworkbench.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class RandomBrightnessContrastTest {

    private static final INDArray RAMP = TestImages.gray(new float[][] {{0.2f, 0.4f}, {0.6f, 0.8f}});

    @Test
    void contrastScalesTheDistanceFromTheImageMeanAndBrightnessScalesTheResult() {
        // mean 0.5; contrast 0.5: 0.35 0.45 0.55 0.65; brightness 1.2: 0.42 0.54 0.66 0.78
        INDArray result = new RandomBrightnessContrast(Range.fixed(1.2), Range.fixed(0.5)).apply(RAMP, new SplittableRandom(1));
        assertTrue(TestImages.gray(new float[][] {{0.42f, 0.54f}, {0.66f, 0.78f}}).equalsWithEps(result, 1e-6), result.toString());
    }

    @Test
    void resultsAreClippedToTheUnitRange() {
        INDArray result = new RandomBrightnessContrast(Range.fixed(1), Range.fixed(3)).apply(RAMP, new SplittableRandom(1));
        // contrast 3 around 0.5: -0.4 0.2 0.8 1.4, clipped
        assertTrue(TestImages.gray(new float[][] {{0f, 0.2f}, {0.8f, 1f}}).equalsWithEps(result, 1e-6), result.toString());
    }

    @Test
    void factorsOfOneChangeNothing() {
        assertTrue(RAMP.equalsWithEps(new RandomBrightnessContrast(0, 0).apply(RAMP, new SplittableRandom(1)), 1e-7));
    }

    @Test
    void eachImageDrawsItsOwnFactorsWithinTheRange() {
        INDArray batch = TestImages.constant(200, 1, 2, 2, 0.5f);
        INDArray result = new RandomBrightnessContrast(0.4, 0).apply(batch, new SplittableRandom(1));
        double min = result.minNumber().doubleValue();
        double max = result.maxNumber().doubleValue();
        assertTrue(min >= 0.3 - 1e-6 && min < 0.32 && max <= 0.7 + 1e-6 && max > 0.68, min + " .. " + max);
        assertEquals(0.0, result.slice(7).getDouble(0, 0, 0) - result.slice(7).getDouble(0, 1, 1), 1e-7, "one factor per image");
    }
}
