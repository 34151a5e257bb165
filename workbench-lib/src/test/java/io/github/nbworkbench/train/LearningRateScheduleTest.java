package io.github.nbworkbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schedules' curves, and that the trainer applies them per epoch or per batch through the updater. */
class LearningRateScheduleTest {

    @Test
    void stepDecayDropsByTheFactorEveryNEpochs() {
        History history = Trainer.of(Fixtures.mlp()).epochs(5).quiet().callbacks(new StepDecay(0.1, 0.5, 2)).fit(Fixtures.trainBlobs());

        assertArrayEquals(new double[] {0.1, 0.1, 0.05, 0.05, 0.025}, history.doubleColumn("lr").asDoubleArray(), 1e-12);
    }

    @Test
    void cosineAnnealingPerEpochGoesFromMaxToMin() {
        History history = Trainer.of(Fixtures.mlp()).epochs(3).quiet().callbacks(CosineAnnealing.perEpoch(0.1, 0.001))
                .fit(Fixtures.trainBlobs());

        assertArrayEquals(new double[] {0.1, 0.0505, 0.001}, history.doubleColumn("lr").asDoubleArray(), 1e-12);
    }

    @Test
    void cosineAnnealingPerBatchSetsTheRateBeforeEveryBatch() {
        List<Double> rates = ratesPerBatch(CosineAnnealing.perBatch(0.1, 0.0), 2);

        assertEquals(16, rates.size(), "2 epochs of 8 batches");
        assertEquals(0.1, rates.get(0), 1e-12);
        assertEquals(0.0, rates.get(15), 1e-12);
        for (int i = 1; i < rates.size(); i++) {
            assertTrue(rates.get(i) < rates.get(i - 1), "falls at every batch");
        }
    }

    @Test
    void oneCycleRisesToMaxOverTheFirstQuarterThenFallsFarBelowTheStart() {
        OneCycle schedule = new OneCycle(0.1);
        int total = 100;
        double[] curve = new double[total];
        for (int step = 0; step < total; step++) {
            curve[step] = schedule.rateAt(step, total);
        }

        assertEquals(0.1 / 25, curve[0], 1e-12);
        assertEquals(0.1, curve[24], 1e-12);
        assertEquals(0.1 / 25 / 1e4, curve[99], 1e-15);
        for (int step = 1; step <= 24; step++) {
            assertTrue(curve[step] > curve[step - 1], "rises up to step 24");
        }
        for (int step = 25; step < total; step++) {
            assertTrue(curve[step] < curve[step - 1], "falls after step 24");
        }
        double midpoint = (0.1 + 0.1 / 25 / 1e4) / 2;
        assertEquals(midpoint, schedule.rateAt(24 + 75 / 2, total), 0.01, "cosine: half way down in the middle of the fall");
    }

    @Test
    void oneCycleRunsOverTheWholeTrainingPerBatch() {
        List<Double> rates = ratesPerBatch(new OneCycle(0.05), 3);

        assertEquals(24, rates.size());
        assertEquals(0.05 / 25, rates.get(0), 1e-12);
        assertEquals(0.05, rates.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), 1e-12);
        assertEquals(0.05 / 25 / 1e4, rates.get(23), 1e-15);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new StepDecay(0.1, 1.5, 2));
        assertThrows(IllegalArgumentException.class, () -> CosineAnnealing.perBatch(0.1, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new OneCycle(-1));
        assertThrows(IllegalArgumentException.class, () -> new OneCycle(0.1).pctStart(1));
    }

    /** The rate each training step ran with, read from the network after the step. */
    private static List<Double> ratesPerBatch(LearningRateSchedule schedule, int epochs) {
        List<Double> rates = new ArrayList<>();
        Callback recorder = new Callback() {
            @Override
            public void onBatchEnd(TrainingContext context, int epoch, long batch, double loss) {
                rates.add(context.learningRate());
            }
        };
        Trainer.of(Fixtures.mlp()).epochs(epochs).quiet().callbacks(schedule, recorder).fit(Fixtures.trainBlobs());
        return rates;
    }
}
