package io.github.nbworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MetricTest {

    private static final INDArray LABELS = Nd4j.create(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}});
    private static final INDArray OUTPUTS = Nd4j.create(new float[][] {
            {0.7f, 0.2f, 0.1f}, {0.5f, 0.4f, 0.1f}, {0.1f, 0.2f, 0.7f}, {0.3f, 0.5f, 0.2f}});

    @Test
    void accuracyCountsTopClassMatchesAcrossBatches() {
        Metric.Accumulator accuracy = Metric.ACCURACY.newAccumulator();
        assertTrue(Double.isNaN(accuracy.value()));

        accuracy.add(LABELS, OUTPUTS, null);
        accuracy.add(LABELS.getRows(0), OUTPUTS.getRows(0), null);

        assertEquals(3.0 / 5, accuracy.value(), 1e-12);
    }

    @Test
    void oneOutputColumnIsBinaryAtOneHalf() {
        Metric.Accumulator accuracy = Metric.ACCURACY.newAccumulator();

        accuracy.add(Nd4j.create(new float[][] {{1}, {0}, {1}}), Nd4j.create(new float[][] {{0.9f}, {0.6f}, {0.4f}}), null);

        assertEquals(1.0 / 3, accuracy.value(), 1e-12);
    }

    @Test
    void sequencesCountTimeStepsAndSkipMaskedOnes() {
        // one example, 3 classes, 4 time steps: the columns of LABELS/OUTPUTS become time steps
        INDArray labels = LABELS.transpose().reshape(1, 3, 4);
        INDArray outputs = OUTPUTS.transpose().reshape(1, 3, 4);
        Metric.Accumulator accuracy = Metric.ACCURACY.newAccumulator();

        accuracy.add(labels, outputs, Nd4j.create(new float[][] {{1, 0, 1, 1}}));

        assertEquals(2.0 / 3, accuracy.value(), 1e-12, "step 1 (wrong) is masked out; steps 0 and 2 right, 3 wrong");
    }

    @Test
    void topKCountsTheLabelAmongTheKHighest() {
        Metric.Accumulator top2 = Metric.topK(2).newAccumulator();

        top2.add(LABELS, OUTPUTS, null);

        assertEquals("top2_accuracy", Metric.topK(2).name());
        assertEquals(0.75, top2.value(), 1e-12, "the last example's label has the lowest output");
        Metric.Accumulator top1 = Metric.topK(1).newAccumulator();
        top1.add(LABELS, OUTPUTS, null);
        assertEquals(0.5, top1.value(), 1e-12);
        Metric.Accumulator top3 = Metric.topK(3).newAccumulator();
        top3.add(LABELS, OUTPUTS, null);
        assertEquals(1.0, top3.value(), 1e-12);
    }

    @Test
    void maeIsTheMeanAbsoluteDifference() {
        Metric.Accumulator mae = Metric.MAE.newAccumulator();

        mae.add(Nd4j.create(new float[][] {{1, 2}, {3, 4}}), Nd4j.create(new float[][] {{1.5f, 2}, {2, 4}}), null);

        assertEquals(1.5 / 4, mae.value(), 1e-6);
    }
}
