package io.github.nbworkbench.deploy;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.eval.ClassificationReport;
import io.github.nbworkbench.eval.Predictions;
import io.github.nbworkbench.models.Cnns;
import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.train.Trainer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

class MagnitudePruningTest {

    @Test
    void theScheduleRisesPolynomiallyFromTheInitialToTheFinalSparsity() {
        MagnitudePruning pruning = MagnitudePruning.toSparsity(0.8).from(0.2).overBatches(100, 300);

        assertEquals(0.2, pruning.sparsityAt(0), 1e-12);
        assertEquals(0.2, pruning.sparsityAt(100), 1e-12);
        assertEquals(0.8 - 0.6 * 0.125, pruning.sparsityAt(200), 1e-12, "half way: (1 - 1/2)^3 of the way left");
        assertEquals(0.8, pruning.sparsityAt(300), 1e-12);
        assertEquals(0.8, pruning.sparsityAt(5000), 1e-12);
    }

    @Test
    void aMaskZeroesExactlyTheSmallestShare() {
        var weights = Nd4j.create(new float[] {0.5f, -0.1f, 0.3f, -0.7f, 0.2f, 0.05f, -0.4f, 0.6f, 0.01f, 0.9f}, new long[] {2, 5});
        var mask = MagnitudePruning.maskFor(weights, 0.3);

        assertEquals(3, 10 - mask.sumNumber().intValue());
        assertEquals(0f, mask.getFloat(0, 1));
        assertEquals(0f, mask.getFloat(1, 0));
        assertEquals(0f, mask.getFloat(1, 3));
    }

    @RequiresDataset(FASHION_MNIST)
    @Test
    void fineTuningTo80PercentSparsityKeepsTheAccuracyAndTheZerosStay() {
        LabeledDataset train = FashionMnist.load().train().limit(6000);
        LabeledDataset test = FashionMnist.load().test().limit(2000);
        MultiLayerNetwork net = Cnns.classic(train);
        Trainer.of(net).epochs(2).quiet().seed(1).fit(train.batchSize(64).shuffle(1).iterator());
        double dense = accuracy(net, test);
        long gzipDense = SizeReport.gzippedParameterBytes(net);

        MagnitudePruning pruning = MagnitudePruning.toSparsity(0.8).overBatches(0, 150).every(25);
        Trainer.of(net).epochs(2).quiet().seed(2).callbacks(pruning).fit(train.batchSize(64).shuffle(2).iterator());

        Table sparsity = MagnitudePruning.sparsity(net);
        for (double layerSparsity : sparsity.doubleColumn("sparsity").asList()) {
            assertEquals(0.8, layerSparsity, 0.01, sparsity.print());
        }
        double pruned = accuracy(net, test);
        assertTrue(dense - pruned <= 0.02, "accuracy " + dense + " -> " + pruned);
        double smaller = (double) gzipDense / SizeReport.gzippedParameterBytes(net);
        assertTrue(smaller > 2.5, "gzip-compressed parameters " + smaller + "x smaller");
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> MagnitudePruning.toSparsity(1.0));
        assertThrows(IllegalArgumentException.class, () -> MagnitudePruning.toSparsity(0.5).overBatches(10, 10));
        assertThrows(IllegalArgumentException.class, () -> MagnitudePruning.toSparsity(0.5).every(0));
    }

    private static double accuracy(MultiLayerNetwork net, LabeledDataset test) {
        return ClassificationReport.of(Predictions.of(net, test.batchSize(500).iterator())).accuracy();
    }
}
