package io.github.nbworkbench.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BetaSamplerTest {

    private static final int DRAWS = 40_000;

    @Test
    void drawsHaveTheMeanAndVarianceOfBetaAlphaAlpha() {
        for (double alpha : new double[] {0.2, 1, 4}) {
            SplittableRandom random = new SplittableRandom(3);
            double sum = 0;
            double sumOfSquares = 0;
            for (int i = 0; i < DRAWS; i++) {
                double x = BetaSampler.symmetric(alpha, random);
                assertTrue(x >= 0 && x <= 1, "alpha " + alpha + ": " + x);
                sum += x;
                sumOfSquares += x * x;
            }
            double mean = sum / DRAWS;
            double variance = sumOfSquares / DRAWS - mean * mean;
            assertEquals(0.5, mean, 0.01, "alpha " + alpha);
            assertEquals(1 / (4 * (2 * alpha + 1)), variance, 0.005, "alpha " + alpha);
        }
    }

    @Test
    void tinyAlphasGiveValuesNearZeroAndOneButNeverNaN() {
        SplittableRandom random = new SplittableRandom(5);
        int extreme = 0;
        for (int i = 0; i < 10_000; i++) {
            double x = BetaSampler.symmetric(0.02, random);
            assertTrue(x >= 0 && x <= 1, String.valueOf(x));
            if (x < 1e-6 || x > 1 - 1e-6) {
                extreme++;
            }
        }
        assertTrue(extreme > 5000, extreme + " of 10000 within 1e-6 of 0 or 1");
    }
}
