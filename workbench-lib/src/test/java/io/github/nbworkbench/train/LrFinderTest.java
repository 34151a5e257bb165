package io.github.nbworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;
import tech.tablesaw.api.DoubleColumn;

class LrFinderTest {

    @Test
    void sweepsExponentiallyAndSuggestsARateInTheFallingPart() {
        LrFinderResult result = LrFinder.of(Fixtures.mlp(new Sgd(0.1), 0)).range(1e-4, 100).batches(60).find(Fixtures.trainBlobs());

        assertEquals(List.of("lr", "loss", "smoothed_loss"), result.table().columnNames());
        DoubleColumn rates = result.table().doubleColumn("lr");
        assertEquals(1e-4, rates.getDouble(0), 1e-12);
        double ratio = rates.getDouble(1) / rates.getDouble(0);
        for (int i = 2; i < rates.size(); i++) {
            assertEquals(ratio, rates.getDouble(i) / rates.getDouble(i - 1), 1e-9, "a constant factor per batch");
        }
        assertTrue(result.stopReason().startsWith("the loss exploded"), "SGD at lr 100 diverges: " + result.stopReason());
        assertTrue(rates.size() < 60);
        assertTrue(result.suggestedLr() > 1e-4 && result.suggestedLr() <= result.minLossLr(),
                result.suggestedLr() + " vs min at " + result.minLossLr());
    }

    @Test
    void theNetworkIsLeftExactlyAsItWas() {
        MultiLayerNetwork net = Fixtures.mlp();
        Trainer.of(net).epochs(1).seed(1).quiet().fit(Fixtures.trainBlobs());
        INDArray params = net.params().dup();
        INDArray updater = net.getUpdater().getStateViewArray().dup();
        int iterations = net.getIterationCount();

        LrFinder.of(net).range(1e-5, 1).batches(20).find(Fixtures.trainBlobs());

        assertEquals(params, net.params());
        assertEquals(updater, net.getUpdater().getStateViewArray());
        assertEquals(iterations, net.getIterationCount());
        assertEquals(0.01, net.getLearningRate(0), 1e-12);
    }

    @Test
    void trainingAfterASweepEqualsTrainingWithout() {
        MultiLayerNetwork swept = Fixtures.mlp();
        MultiLayerNetwork untouched = Fixtures.mlp();
        LrFinder.of(swept).batches(10).find(Fixtures.trainBlobs());

        Trainer.of(swept).epochs(2).seed(3).quiet().fit(Fixtures.trainBlobs());
        Trainer.of(untouched).epochs(2).seed(3).quiet().fit(Fixtures.trainBlobs());

        assertEquals(untouched.params(), swept.params());
    }

    @Test
    void steepestDescentIsWhereTheSmoothedLossFallsFastestBeforeItsMinimum() {
        DoubleColumn rates = DoubleColumn.create("lr", 0.001, 0.01, 0.1, 1, 10);
        DoubleColumn smoothed = DoubleColumn.create("smoothed_loss", 2.0, 1.9, 1.0, 0.8, 5.0);

        assertEquals(Math.sqrt(0.01 * 0.1), LrFinder.steepestDescent(rates, smoothed), 1e-12,
                "the middle (on the log scale) of the steepest stretch, 0.01 to 0.1");
    }

    @Test
    void aNoisyStartOfTheSweepIsNotTakenForTheSteepestDescent() {
        double[] lr = new double[30];
        double[] loss = new double[30];
        for (int i = 0; i < 30; i++) {
            lr[i] = 1e-5 * Math.pow(10, i / 6.0);
            loss[i] = i < 15 ? 3.0 - 0.1 * i : 1.5 + 0.5 * (i - 15);   // steady descent to 1e-2.5, then up
        }
        loss[1] = 2.0;   // one lucky batch in the warm-up
        double suggestion = LrFinder.steepestDescent(DoubleColumn.create("lr", lr), DoubleColumn.create("smoothed_loss", loss));
        assertTrue(suggestion > 1e-4, "suggested " + suggestion);
    }

    @Test
    void anEmptyRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LrFinder.of(Fixtures.mlp()).range(1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> LrFinder.of(Fixtures.mlp()).batches(1));
    }
}
