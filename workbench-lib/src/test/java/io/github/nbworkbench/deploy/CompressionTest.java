package io.github.nbworkbench.deploy;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import tech.tablesaw.api.Table;

@RequiresDataset(FASHION_MNIST)
class CompressionTest {

    private static final LabeledDataset TEST = FashionMnist.load().test().limit(2000);
    private static MultiLayerNetwork trained;

    @BeforeAll
    static void train() {
        LabeledDataset train = FashionMnist.load().train().limit(6000);
        trained = Cnns.classic(train);
        Trainer.of(trained).epochs(2).quiet().seed(1).fit(train.batchSize(64).shuffle(1).iterator());
    }

    @Test
    void kMeansFindsTheObviousClusters() {
        float[] values = {0.0f, 0.01f, -0.01f, 1.0f, 1.02f, 0.98f, -2.0f, -2.01f};
        float[] clustered = WeightClustering.clustered(values, 3);

        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 1, -2.005f, -2.005f}, clustered, 1e-6f);
    }

    @Test
    void sixteenSharedValuesPerTensorKeepTheAccuracyWithinAPoint() {
        MultiLayerNetwork clustered = WeightClustering.cluster(trained, 16);

        Table report = WeightClustering.report(clustered, 16);
        assertTrue(report.intColumn("distinct_values").asList().stream().allMatch(d -> d <= 16), report.print());
        double smaller = report.longColumn("fp32_bytes").sum() / report.longColumn("indexed_bytes").sum();
        assertTrue(smaller > 7.5, "4-bit indices and a 16-value codebook per tensor: " + smaller + "x");
        assertNotEquals(trained.params(), clustered.params());
        double before = accuracy(trained);
        double after = accuracy(clustered);
        assertTrue(before - after <= 0.01, "accuracy " + before + " -> " + after);
        assertThrows(IllegalArgumentException.class, () -> WeightClustering.cluster(trained, 1));
    }

    @Test
    void fp16HalvesTheParametersAndKeepsThePredictions() {
        MultiLayerNetwork half = Fp16.convert(trained);

        assertEquals(DataType.HALF, half.params().dataType());
        assertEquals(DataType.FLOAT, trained.params().dataType(), "the original is unchanged");
        assertEquals(SizeReport.rawParameterBytes(trained) / 2, SizeReport.rawParameterBytes(half));
        var features = TEST.limit(500).toDataSet().getFeatures();
        var agreement = trained.output(features).argMax(1).eq(half.output(features.castTo(DataType.HALF)).argMax(1))
                .castTo(DataType.INT64).sumNumber().doubleValue() / 500;
        assertTrue(agreement >= 0.99, "FP16 predicts the same class for " + agreement + " of the images");
    }

    private static double accuracy(MultiLayerNetwork net) {
        return ClassificationReport.of(Predictions.of(net, TEST.batchSize(500).iterator())).accuracy();
    }
}
