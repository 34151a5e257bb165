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

    @Test
    void bitsPerCharacterAndPerplexityComeFromTheMeanCrossEntropy() {
        // rows 0 and 2 give the label 0.7, rows 1 and 3 give 0.4 and 0.2
        double meanNats = -(2 * Math.log(0.7) + Math.log(0.4) + Math.log(0.2)) / 4;
        Metric.Accumulator bits = Metric.BITS_PER_CHARACTER.newAccumulator();
        Metric.Accumulator perplexity = Metric.PERPLEXITY.newAccumulator();
        bits.add(LABELS, OUTPUTS, null);
        perplexity.add(LABELS, OUTPUTS, null);

        assertEquals(meanNats / Math.log(2), bits.value(), 1e-6);
        assertEquals(Math.exp(meanNats), perplexity.value(), 1e-5);
        assertEquals("bpc", Metric.BITS_PER_CHARACTER.name());
    }

    @Test
    void aUniformGuessCostsLog2OfTheVocabularyAndAZeroProbabilityStaysFinite() {
        INDArray uniform = Nd4j.valueArrayOf(new long[] {2, 8, 3}, 1.0 / 8);
        INDArray labels = Nd4j.zeros(2, 8, 3);
        labels.putScalar(new int[] {0, 1, 0}, 1).putScalar(new int[] {0, 2, 1}, 1).putScalar(new int[] {0, 3, 2}, 1);
        labels.putScalar(new int[] {1, 0, 0}, 1).putScalar(new int[] {1, 0, 1}, 1).putScalar(new int[] {1, 0, 2}, 1);
        Metric.Accumulator bits = Metric.BITS_PER_CHARACTER.newAccumulator();
        bits.add(labels, uniform, null);
        assertEquals(3.0, bits.value(), 1e-6);

        Metric.Accumulator certainAndWrong = Metric.BITS_PER_CHARACTER.newAccumulator();
        certainAndWrong.add(Nd4j.create(new float[][] {{1, 0}}), Nd4j.create(new float[][] {{0, 1}}), null);
        assertTrue(Double.isFinite(certainAndWrong.value()) && certainAndWrong.value() > 39, "clamped at 1e-12: " + certainAndWrong.value());
    }

    @Test
    void bitsPerCharacterSkipsMaskedTimeSteps() {
        INDArray outputs = Nd4j.create(new float[] {0.5f, 0.25f, 0.5f, 0.75f}, new long[] {1, 2, 2}, 'c');
        INDArray labels = Nd4j.create(new float[] {1, 1, 0, 0}, new long[] {1, 2, 2}, 'c');
        Metric.Accumulator bits = Metric.BITS_PER_CHARACTER.newAccumulator();
        bits.add(labels, outputs, Nd4j.create(new float[][] {{1, 0}}));
        assertEquals(1.0, bits.value(), 1e-6, "only step 0, where the label gets 0.5");
    }
}
