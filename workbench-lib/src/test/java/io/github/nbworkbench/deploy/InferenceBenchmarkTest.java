package io.github.nbworkbench.deploy;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.models.Cnns;
import io.github.nbworkbench.testdata.RequiresDataset;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class InferenceBenchmarkTest {

    @RequiresDataset(FASHION_MNIST)
    @Test
    void oneRowPerVariantAndBatchSizeWithOrderedPercentiles() {
        LabeledDataset data = FashionMnist.load().test().limit(256);
        MultiLayerNetwork net = Cnns.classic(data);
        MultiLayerNetwork int8 = Int8Quantizer.quantize(net, Granularity.PER_CHANNEL).toNetwork();

        Table speed = InferenceBenchmark.of(data.features())
                .variant("FP32", x -> net.output(x, false))
                .variant("int8 weights", x -> int8.output(x, false))
                .batchSizes(1, 32).calls(3, 20).table();

        assertEquals(4, speed.rowCount());
        assertEquals(List.of("FP32", "int8 weights", "FP32", "int8 weights"), speed.stringColumn("variant").asList());
        for (int row = 0; row < speed.rowCount(); row++) {
            assertTrue(speed.doubleColumn("p95_ms").get(row) >= speed.doubleColumn("p50_ms").get(row));
            assertTrue(speed.doubleColumn("samples_per_s").get(row) > 0);
        }
        assertTrue(speed.doubleColumn("samples_per_s").get(2) > speed.doubleColumn("samples_per_s").get(0),
                "batches of 32 give more samples per second than single images: " + speed.print());
    }

    @Test
    void percentilesAreNearestRank() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, InferenceBenchmark.percentile(sorted, 0.5));
        assertEquals(10, InferenceBenchmark.percentile(sorted, 0.95));
    }

    @RequiresDataset(FASHION_MNIST)
    @Test
    void badSettingsAreRefused() {
        LabeledDataset data = FashionMnist.load().test().limit(4);
        assertThrows(IllegalStateException.class, () -> InferenceBenchmark.of(data.features()).table());
        assertThrows(IllegalArgumentException.class, () -> InferenceBenchmark.of(data.features()).batchSizes(0));
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> InferenceBenchmark.of(data.features()).variant("x", x -> x).batchSizes(8).table());
        assertTrue(tooFew.getMessage().contains("needs at least 8"), tooFew.getMessage());
    }
}
