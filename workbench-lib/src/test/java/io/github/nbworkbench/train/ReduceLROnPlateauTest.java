package io.github.nbworkbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

class ReduceLROnPlateauTest {

    @Test
    void reducesTheNetworksRateAfterPatienceEpochsWithoutImprovement() {
        ScriptedRun run = new ScriptedRun(10);

        run.run(new ReduceLROnPlateau("val_loss").factor(0.5).patience(2), "val_loss", 1.0, 1.0, 1.0);

        assertEquals(0.005, run.learningRate(), 1e-12);
        MultiLayerNetwork net = (MultiLayerNetwork) run.model();
        assertEquals(0.005, net.getLearningRate(0), 1e-12);
        assertEquals(0.005, net.getLearningRate(1), 1e-12);
    }

    @Test
    void cooldownWaitsBeforeCountingAgainAndMinLrIsTheFloor() {
        ScriptedRun run = new ScriptedRun(10);

        run.run(new ReduceLROnPlateau("val_loss").factor(0.1).patience(1).cooldown(2).minLr(0.0005), "val_loss",
                1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0);

        // the lr column is the rate each epoch trained with: the end of epoch 2 reduces it to 0.001, epoch 3 cools
        // down, epoch 4 counts again (Keras' order) and reduces it to the floor, where it stays
        assertArrayEquals(new double[] {0.01, 0.01, 0.001, 0.001, 0.0005, 0.0005, 0.0005},
                run.history().doubleColumn("lr").asDoubleArray(), 1e-12);
    }

    @Test
    void anImprovementResetsTheCount() {
        ScriptedRun run = new ScriptedRun(10);

        run.run(new ReduceLROnPlateau("val_loss").patience(2), "val_loss", 1.0, 1.0, 0.5, 0.6);

        assertEquals(0.01, run.learningRate(), 1e-12);
    }

    @Test
    void aResumedRunRebuildsItsCountFromTheHistoryWithoutChangingTheRate() {
        ScriptedRun run = new ScriptedRun(10);
        run.run(new Callback() {
        }, "val_loss", 1.0, 1.0);

        run.run(new ReduceLROnPlateau("val_loss").factor(0.5).patience(2), "val_loss", 1.0);

        assertArrayEquals(new double[] {0.01, 0.01, 0.01}, run.history().doubleColumn("lr").asDoubleArray(), 1e-12);
        assertEquals(0.005, run.learningRate(), 1e-12, "epoch 3 is the second without improvement");
    }

    @Test
    void inARealRunTheHistoryShowsTheReducedRate() {
        MultiLayerNetwork net = Fixtures.mlp();
        History history = Trainer.of(net).epochs(3).quiet()
                .callbacks(new ReduceLROnPlateau("loss").mode(Mode.MAX).factor(0.5).patience(0))
                .fit(Fixtures.trainBlobs());

        // in MAX mode a falling loss never improves after epoch 1, so epochs 2 and 3 each halve the rate
        assertArrayEquals(new double[] {0.01, 0.01, 0.005}, history.doubleColumn("lr").asDoubleArray(), 1e-12);
        assertEquals(0.0025, net.getLearningRate(0), 1e-12);
    }

    @Test
    void rejectsAFactorOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau("val_loss").factor(1.5));
    }
}
