package io.github.nbworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class TerminateOnNaNTest {

    @Test
    void aNaNLossStopsWithAMessageNamingEpochAndBatch() {
        ScriptedRun run = new ScriptedRun(5);

        new TerminateOnNaN().onBatchEnd(run, 3, 7, Double.NaN);

        assertTrue(run.stopReason().contains("the loss became NaN at epoch 3, batch 7"), run.stopReason());
        assertTrue(run.stopReason().contains("Lower the learning rate"), run.stopReason());
    }

    @Test
    void anInfiniteLossStopsToo() {
        ScriptedRun run = new ScriptedRun(5);

        new TerminateOnNaN().onBatchEnd(run, 1, 2, Double.POSITIVE_INFINITY);

        assertTrue(run.stopReason().contains("Infinity at epoch 1, batch 2"), run.stopReason());
    }

    @Test
    void aFiniteLossGoesOn() {
        ScriptedRun run = new ScriptedRun(5);

        new TerminateOnNaN().onBatchEnd(run, 1, 1, 0.7);

        assertNull(run.stopReason());
    }

    @Test
    void inARealRunTrainingEndsInTheEpochOfTheNaN() {
        DataSet clean = Fixtures.blobs(64, 3);
        DataSet broken = clean.copy();
        broken.getFeatures().putScalar(33, 1, Double.NaN); // batch 3 of 16-example batches

        History history = Trainer.of(Fixtures.mlp()).epochs(3).allowNaN().quiet().callbacks(new TerminateOnNaN())
                .fit(Fixtures.iterator(broken, 16));

        assertEquals(1, history.rowCount());
        assertTrue(history.stopReason().orElseThrow().contains("epoch 1, batch 3"), history.stopReason().orElseThrow());
    }
}
