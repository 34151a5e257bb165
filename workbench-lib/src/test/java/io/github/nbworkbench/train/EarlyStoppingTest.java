package io.github.nbworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class EarlyStoppingTest {

    @Test
    void stopsWhenTheMonitorHasNotImprovedForPatienceEpochs() {
        ScriptedRun run = new ScriptedRun(10);
        EarlyStopping stopping = new EarlyStopping("val_loss").patience(2);

        int epochs = run.run(stopping, "val_loss", 1.0, 0.9, 0.95, 0.96, 0.5, 0.4);

        assertEquals(4, epochs);
        assertEquals(4, stopping.stoppedEpoch());
        assertEquals(2, stopping.bestEpoch());
        assertTrue(run.stopReason().contains("val_loss has not improved for 2 epochs (best 0.9 at epoch 2)"), run.stopReason());
    }

    @Test
    void patienceZeroStopsAtTheFirstEpochWithoutImprovement() {
        ScriptedRun run = new ScriptedRun(10);

        assertEquals(3, run.run(new EarlyStopping("val_loss"), "val_loss", 1.0, 0.9, 0.9, 0.1));
    }

    @Test
    void improvementsSmallerThanMinDeltaDoNotCount() {
        ScriptedRun run = new ScriptedRun(10);

        assertEquals(3, run.run(new EarlyStopping("val_loss").minDelta(0.05).patience(2), "val_loss", 1.0, 0.97, 0.96, 0.5));
    }

    @Test
    void autoModeMaximisesAccuracy() {
        ScriptedRun run = new ScriptedRun(10, List.of("accuracy"), true);
        EarlyStopping stopping = new EarlyStopping("val_accuracy").patience(1);

        assertEquals(4, run.run(stopping, "val_accuracy", 0.5, 0.7, 0.8, 0.6, 0.9));
        assertEquals(3, stopping.bestEpoch());
    }

    @Test
    void reachingTheEpochLimitDoesNotCountAsStopping() {
        ScriptedRun run = new ScriptedRun(3);
        EarlyStopping stopping = new EarlyStopping("val_loss").patience(5);

        assertEquals(3, run.run(stopping, "val_loss", 1.0, 0.9, 0.95));
        assertEquals(-1, stopping.stoppedEpoch());
        assertNull(run.stopReason());
    }

    @Test
    void restoreBestWeightsPutsBackTheBestEpochsParametersAlsoAtTheEpochLimit() {
        List<INDArray> paramsAtEpochEnd = new ArrayList<>();
        ScriptedRun run = new ScriptedRun(4) {
            @Override
            void beforeEpochEnd(int epoch) {
                trainable().params().addi(epoch); // stands in for a training step
                paramsAtEpochEnd.add(trainable().params().dup());
            }
        };

        run.run(new EarlyStopping("val_loss").patience(10).restoreBestWeights(), "val_loss", 1.0, 0.5, 0.7, 0.8);

        assertEquals(paramsAtEpochEnd.get(1), run.trainable().params());
    }

    @Test
    void restoreBestWeightsInARealRunEndsWithTheBestEpochsParameters() {
        MultiLayerNetwork net = Fixtures.mlp();
        List<INDArray> paramsAtEpochEnd = new ArrayList<>();
        Callback recorder = new Callback() {
            @Override
            public void onEpochEnd(TrainingContext context, EpochValues values) {
                paramsAtEpochEnd.add(context.trainable().params().dup());
            }
        };
        // a validation set of the opposite labels makes val_loss rise as the net learns, so the best epoch is early
        var flipped = Fixtures.blobs(64, 5);
        flipped.setLabels(flipped.getLabels().rsub(1));

        History history = Trainer.of(net).epochs(4).validation(Fixtures.iterator(flipped, 64)).quiet()
                .callbacks(recorder, new EarlyStopping("val_loss").patience(10).restoreBestWeights())
                .fit(Fixtures.trainBlobs());

        int best = history.bestEpoch("val_loss", Mode.MIN);
        assertTrue(best < 4, "the best epoch is not the last: " + best);
        assertEquals(paramsAtEpochEnd.get(best - 1), net.params());
        assertEquals(best, history.modelEpoch());
        assertEquals(history.value("val_loss", best), history.modelEpochValues().get("val_loss"));
    }

    @Test
    void withoutRestoringTheModelHoldsTheLastEpochsWeights() {
        var flipped = Fixtures.blobs(64, 5);
        flipped.setLabels(flipped.getLabels().rsub(1));

        History history = Trainer.of(Fixtures.mlp()).epochs(3).validation(Fixtures.iterator(flipped, 64)).quiet()
                .callbacks(new EarlyStopping("val_loss").patience(10))
                .fit(Fixtures.trainBlobs());

        assertEquals(3, history.modelEpoch());
    }

    @Test
    void aResumedRunCountsFromTheHistory() {
        ScriptedRun run = new ScriptedRun(10);
        run.run(new Callback() {
        }, "val_loss", 1.0, 0.5, 0.6);
        EarlyStopping stopping = new EarlyStopping("val_loss").patience(2);

        int epochs = run.run(stopping, "val_loss", 0.7, 0.1);

        assertEquals(1, epochs, "epoch 3 and 4 are two epochs without improvement");
        assertEquals(2, stopping.bestEpoch());
    }

    @Test
    void aMissingMonitorSaysWhatThereIs() {
        ScriptedRun run = new ScriptedRun(10, List.of(), false);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> run.run(new EarlyStopping("val_loss"), "loss", 1.0));

        assertTrue(error.getMessage().contains("no value 'val_loss'"), error.getMessage());
        assertTrue(error.getMessage().contains(".validation(iterator)"), error.getMessage());
    }
}
