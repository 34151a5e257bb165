package io.github.nbworkbench.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nbworkbench.train.Mode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrunerTest {

    private static final Pruner HALVING = Pruner.successiveHalving(1, 2);

    @Test
    void successiveHalvingStopsATrialOutsideTheTopAtARung() {
        Map<Integer, double[]> earlier = Map.of(0, new double[] {0.5, 0.6, 0.7, 0.8});

        assertEquals(Optional.of("after epoch 1: it ranked 2 of the 2 trials there; only the top 1 go on"),
                HALVING.stopReason(1, new double[] {0.4}, 4, earlier, Mode.MAX));
        assertEquals(Optional.empty(), HALVING.stopReason(1, new double[] {0.55}, 4, earlier, Mode.MAX));
        assertEquals(Optional.empty(), HALVING.stopReason(1, new double[] {0.4}, 4, earlier, Mode.MIN), "lower is better");
    }

    @Test
    void rungsFollowTheReductionFactorAndTheLastEpochIsNeverOne() {
        Map<Integer, double[]> earlier = Map.of(0, new double[] {0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9});

        assertEquals(Optional.empty(), HALVING.stopReason(1, new double[] {0.1, 0.1, 0.1}, 8, earlier, Mode.MAX), "3 is no rung");
        assertEquals(Optional.of("after epoch 4: it ranked 2 of the 2 trials there; only the top 1 go on"),
                HALVING.stopReason(1, new double[] {0.1, 0.1, 0.1, 0.1}, 8, earlier, Mode.MAX));
        assertEquals(Optional.empty(), HALVING.stopReason(1, new double[] {0.1, 0.1, 0.1, 0.1}, 4, earlier, Mode.MAX), "the last epoch");
    }

    @Test
    void aTrialIsComparedOnItsBestValueSoFarAndOnlyOnceEnoughTrialsReachedTheRung() {
        Pruner thirds = Pruner.successiveHalving(2, 3);
        Map<Integer, double[]> one = Map.of(0, new double[] {0.9, 0.9, 0.9});
        assertEquals(Optional.empty(), thirds.stopReason(1, new double[] {0.1, 0.1}, 6, one, Mode.MAX), "2 trials, fewer than 3");

        Map<Integer, double[]> three = Map.of(0, new double[] {0.2, 0.5, 0.9}, 1, new double[] {0.6, 0.4}, 2, new double[] {0.3});
        assertEquals(Optional.empty(), thirds.stopReason(3, new double[] {0.7, 0.1}, 6, three, Mode.MAX),
                "best so far 0.7 beats 0.6 and 0.5; trial 2 never reached epoch 2");
        assertEquals(Optional.of("after epoch 2: it ranked 2 of the 3 trials there; only the top 1 go on"),
                thirds.stopReason(3, new double[] {0.55, 0.1}, 6, three, Mode.MAX));
        assertEquals(Optional.of("after epoch 2: it ranked 3 of the 3 trials there; only the top 1 go on"),
                thirds.stopReason(3, new double[] {Double.NaN, Double.NaN}, 6, three, Mode.MAX), "a trial that diverged");
    }

    @Test
    void hyperbandComparesATrialOnlyWithItsOwnBracket() {
        Pruner hyperband = Pruner.hyperband(1, 3);
        assertEquals(3, new Hyperband(1, 3).brackets(9));
        Map<Integer, double[]> earlier = Map.of(
                0, new double[] {0.9, 0.9, 0.9}, 3, new double[] {0.8, 0.8, 0.8},
                1, new double[] {0.9, 0.9, 0.9}, 4, new double[] {0.8, 0.8, 0.8},
                2, new double[] {0.9, 0.9, 0.9}, 5, new double[] {0.8, 0.8, 0.8});
        double[] poor = {0.1, 0.1, 0.1};

        assertEquals(Optional.of("after epoch 1: it ranked 3 of the 3 trials there; only the top 1 go on in Hyperband bracket 1 of 3"),
                hyperband.stopReason(6, new double[] {0.1}, 9, earlier, Mode.MAX));
        assertEquals(Optional.empty(), hyperband.stopReason(7, new double[] {0.1}, 9, earlier, Mode.MAX), "bracket 2 starts at epoch 3");
        assertEquals(Optional.of("after epoch 3: it ranked 3 of the 3 trials there; only the top 1 go on in Hyperband bracket 2 of 3"),
                hyperband.stopReason(7, poor, 9, earlier, Mode.MAX));
        assertEquals(Optional.empty(), hyperband.stopReason(8, poor, 9, earlier, Mode.MAX), "bracket 3 never stops a trial");
    }

    @Test
    void badSettingsAreRefused() {
        assertEquals("minEpochs must be 1 or more, got 0",
                assertThrows(IllegalArgumentException.class, () -> Pruner.hyperband(0, 3)).getMessage());
        assertEquals("The reduction factor must be 2 or more (3 keeps a third of the trials at each rung), got 1",
                assertThrows(IllegalArgumentException.class, () -> Pruner.successiveHalving(1, 1)).getMessage());
    }
}
