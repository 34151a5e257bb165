package io.github.nbworkbench.compute;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.models.Cnns;
import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.train.Trainer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import tech.tablesaw.api.Table;

@RequiresDataset(FASHION_MNIST)
class TrainingBudgetTest {

    private static final LabeledDataset DATA = FashionMnist.load().train().limit(1000);

    @Test
    void predictsTheTimeOfAnEpochWithoutTouchingTheModel() {
        MultiLayerNetwork net = Cnns.classic(DATA);
        var paramsBefore = net.params().dup();
        DataSetIterator batches = DATA.batchSize(50).iterator();

        TrainingBudget budget = TrainingBudget.estimate(net, batches);

        assertEquals(paramsBefore, net.params(), "the model itself is not trained");
        assertEquals(20, budget.batchesPerEpoch());
        assertEquals(50, budget.batchSize());
        assertEquals(net.numParams(), budget.parameters());
        assertTrue(budget.memoryBytesPerBatch() > 4 * net.numParams(), "at least the float parameters: " + budget.memoryBytesPerBatch());

        long start = System.nanoTime();
        Trainer.of(net).epochs(1).quiet().fit(batches);
        double actual = (System.nanoTime() - start) / 1e9;
        double ratio = actual / budget.secondsPerEpoch();
        System.out.printf("epoch estimated at %.2f s, took %.2f s (ratio %.2f)%n", budget.secondsPerEpoch(), actual, ratio);
        // generous: other work on a shared 2-core machine slows the estimate or the epoch by a few times
        assertTrue(ratio > 0.2 && ratio < 5, "estimated " + budget.secondsPerEpoch() + " s, took " + actual + " s");
    }

    @Test
    void memoryGrowsWithTheBatchAndTheTableHasEveryFigure() {
        MultiLayerNetwork net = Cnns.classic(DATA);
        var sample = DATA.limit(64).batchSize(64).iterator().next();

        long small = MemoryEstimate.trainingBytes(net, sample.getFeatures(), 16);
        long large = MemoryEstimate.trainingBytes(net, sample.getFeatures(), 256);
        assertTrue(large > 4 * small, small + " bytes for 16, " + large + " for 256");

        Table table = TrainingBudget.estimate(net, DATA.batchSize(100).iterator(), 2).table();
        assertEquals(7, table.rowCount());
        assertEquals("seconds per epoch", table.stringColumn("quantity").get(5));
    }

    @Test
    void aThroughputSweepHasOneRowPerSetting() {
        MultiLayerNetwork net = Cnns.classic(DATA);
        var data = DATA.limit(256).batchSize(256).iterator().next();

        Table bySize = ThroughputSweep.batchSizes(net, (org.nd4j.linalg.dataset.DataSet) data, 16, 128);
        Table byThreads = ThroughputSweep.threads(net, (org.nd4j.linalg.dataset.DataSet) data, 32, 1, 2);

        assertEquals(2, bySize.rowCount());
        assertTrue(bySize.doubleColumn("samples_per_s").get(1) > bySize.doubleColumn("samples_per_s").get(0),
                "bigger batches train more samples per second on a small CNN: " + bySize.print());
        assertTrue(bySize.doubleColumn("memory_mb").get(1) > bySize.doubleColumn("memory_mb").get(0));
        assertEquals(2, byThreads.rowCount());
        assertThrows(IllegalArgumentException.class, () -> ThroughputSweep.batchSizes(net, (org.nd4j.linalg.dataset.DataSet) data));
    }
}
