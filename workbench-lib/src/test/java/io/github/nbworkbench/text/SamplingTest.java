package io.github.nbworkbench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SamplingTest {

    private static final double[] PROBABILITIES = {0.05, 0.5, 0.3, 0.15};
    private static final int DRAWS = 40_000;

    @Test
    void greedyAlwaysTakesTheMostLikely() {
        assertEquals(1, Sampling.greedy().pick(PROBABILITIES, new Random(1)));
        assertEquals(0, Sampling.greedy().pick(new double[] {0.5, 0.5}, new Random(1)), "the lower id among equals");
    }

    @Test
    void temperatureOneDrawsFromTheModelsOwnDistribution() {
        double[] shares = shares(Sampling.temperature(1.0), PROBABILITIES);
        for (int i = 0; i < PROBABILITIES.length; i++) {
            assertEquals(PROBABILITIES[i], shares[i], 0.01, "id " + i);
        }
    }

    @Test
    void lowTemperatureSharpensAndHighFlattens() {
        double[] cold = shares(Sampling.temperature(0.5), PROBABILITIES);
        double[] hot = shares(Sampling.temperature(2.0), PROBABILITIES);
        double squares = 0.05 * 0.05 + 0.5 * 0.5 + 0.3 * 0.3 + 0.15 * 0.15;

        assertEquals(0.25 / squares, cold[1], 0.01, "p^2 renormalised");
        assertTrue(hot[0] > 0.1 && hot[1] < 0.4, "flatter: " + hot[0] + ", " + hot[1]);
    }

    @Test
    void topKNeverLeavesTheKMostLikely() {
        double[] shares = shares(Sampling.topK(2), PROBABILITIES);

        assertEquals(0, shares[0]);
        assertEquals(0, shares[3]);
        assertEquals(0.5 / 0.8, shares[1], 0.01);
    }

    @Test
    void topPKeepsTheFewestTokensHoldingP() {
        double[] shares = shares(Sampling.topP(0.75), PROBABILITIES);

        assertEquals(0, shares[0], "0.5 + 0.3 reach 0.75: ids 3 and 0 are out");
        assertEquals(0, shares[3]);
        assertEquals(0.3 / 0.8, shares[2], 0.01);
        assertEquals(1.0, shares(Sampling.topP(0.01), PROBABILITIES)[1], 1e-9, "a tiny p keeps only the most likely");
    }

    @Test
    void weightsThatDoNotSumToOneOrCarryRoundingErrorsAreFine() {
        double[] unnormalised = {2, 6};
        assertEquals(0.75, shares(Sampling.temperature(1.0), unnormalised)[1], 0.01);

        double[] rounding = {0.1, 0.9000001, -1e-9};
        for (SamplingStrategy strategy : new SamplingStrategy[] {Sampling.greedy(), Sampling.temperature(0.7), Sampling.topK(2),
                Sampling.topP(0.9)}) {
            int id = strategy.pick(rounding, new Random(3));
            assertTrue(id == 0 || id == 1, strategy + " picked " + id);
        }
    }

    @Test
    void aVeryLowTemperatureOnTinyProbabilitiesDoesNotUnderflow() {
        double[] tiny = {1e-300, 3e-300, 2e-300};
        assertEquals(1, Sampling.temperature(0.01).pick(tiny, new Random(1)));
    }

    @Test
    void brokenDistributionsAndSettingsAreRefusedClearly() {
        IllegalStateException nan = assertThrows(IllegalStateException.class,
                () -> Sampling.temperature(1).pick(new double[] {0.5, Double.NaN}, new Random(1)));
        assertTrue(nan.getMessage().contains("diverged"), nan.getMessage());
        assertThrows(IllegalStateException.class, () -> Sampling.greedy().pick(new double[] {0, 0}, new Random(1)));

        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> Sampling.temperature(0));
        assertTrue(zero.getMessage().contains("Sampling.greedy()"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sampling.topK(0));
        assertThrows(IllegalArgumentException.class, () -> Sampling.topP(1.5));
        assertEquals("top-p 0.9, temperature 0.8", Sampling.topP(0.9, 0.8).toString());
    }

    @Test
    void theSameSeedGivesTheSameDraws() {
        SamplingStrategy strategy = Sampling.topP(0.9, 0.8);
        Random a = new Random(11);
        Random b = new Random(11);
        for (int i = 0; i < 100; i++) {
            assertEquals(strategy.pick(PROBABILITIES, a), strategy.pick(PROBABILITIES, b));
        }
    }

    private static double[] shares(SamplingStrategy strategy, double[] probabilities) {
        Random random = new Random(5);
        double[] shares = new double[probabilities.length];
        for (int i = 0; i < DRAWS; i++) {
            shares[strategy.pick(probabilities, random)] += 1.0 / DRAWS;
        }
        return shares;
    }
}
