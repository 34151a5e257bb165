package io.github.nbworkbench.imbalance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.LabeledDataset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

class BalancedBatchesTest {

    private static final List<String> CLASSES = List.of("common", "rare", "very rare");

    /** 14 examples of shape [1, 2], both values of example i equal to i: 10 common, 3 rare, 1 very rare. */
    private static LabeledDataset skewed() {
        int[] classes = {0, 0, 1, 0, 0, 2, 0, 1, 0, 0, 0, 1, 0, 0};
        float[] values = new float[classes.length * 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 2;
        }
        return LabeledDataset.classification(Nd4j.create(values, new long[] {classes.length, 1, 2}, 'c').castTo(DataType.FLOAT),
                classes, CLASSES);
    }

    @Test
    void oversamplingBringsEveryClassToTheLargestCountAndKeepsEveryExample() {
        LabeledDataset data = skewed();
        BalancedBatches batches = BalancedBatches.oversample(data).batchSize(4).seed(1);

        List<Integer> epoch = epoch(batches.iterator());

        assertEquals(30, batches.epochSize());
        assertEquals(30, epoch.size());
        assertArrayEquals(new int[] {10, 10, 10}, counts(data, epoch));
        assertEquals(14, new HashSet<>(epoch).size(), "every original example is in the epoch");
        assertEquals(10, epoch.stream().filter(i -> i == 5).count(), "the only very rare example, ten times");
    }

    @Test
    void undersamplingTakesAFreshSubsetOfEachClassPerEpoch() {
        LabeledDataset data = skewed();
        DataSetIterator iterator = BalancedBatches.undersample(data).batchSize(2).seed(1).iterator();

        Set<Integer> commonSeen = new HashSet<>();
        for (int e = 0; e < 6; e++) {
            List<Integer> epoch = epoch(iterator);
            assertEquals(3, epoch.size());
            assertArrayEquals(new int[] {1, 1, 1}, counts(data, epoch));
            epoch.stream().filter(i -> data.classIndex(i) == 0).forEach(commonSeen::add);
            iterator.reset();
        }
        assertTrue(commonSeen.size() >= 4, "six epochs drew the common class's one example from " + commonSeen);
    }

    @Test
    void everyResetDrawsANewOrderAndTheSeedFixesTheSequence() {
        DataSetIterator first = BalancedBatches.oversample(skewed()).batchSize(5).seed(3).iterator();
        DataSetIterator second = BalancedBatches.oversample(skewed()).batchSize(5).seed(3).iterator();
        DataSetIterator otherSeed = BalancedBatches.oversample(skewed()).batchSize(5).seed(4).iterator();

        List<Integer> epoch0 = epoch(first);
        first.reset();
        List<Integer> epoch1 = epoch(first);

        assertNotEquals(epoch0, epoch1);
        assertEquals(epoch0, epoch(second));
        second.reset();
        assertEquals(epoch1, epoch(second));
        assertNotEquals(epoch0, epoch(otherSeed));
    }

    @Test
    void batchesKeepShapeLabelsAndClassNames() {
        LabeledDataset data = skewed();
        DataSetIterator iterator = BalancedBatches.oversample(data).batchSize(8).iterator();

        DataSet batch = iterator.next();
        float[] exampleIds = batch.getFeatures().reshape(8, 2).getColumn(0).toFloatVector();
        int[] labelClasses = batch.getLabels().argMax(1).toIntVector();
        for (int k = 0; k < 8; k++) {
            assertEquals(data.classIndex((int) exampleIds[k]), labelClasses[k], "label of example " + exampleIds[k]);
        }

        assertArrayEquals(new long[] {8, 1, 2}, batch.getFeatures().shape());
        assertArrayEquals(new long[] {8, 3}, batch.getLabels().shape());
        assertEquals(CLASSES, batch.getLabelNamesList());
        assertEquals(CLASSES, iterator.getLabels());
        assertTrue(iterator.resetSupported());
        iterator.next();
        iterator.next();
        assertEquals(6, iterator.next().numExamples(), "the last batch of 30 holds the 6 left over");
        assertFalse(iterator.hasNext());
        assertThrows(NoSuchElementException.class, iterator::next);
    }

    @Test
    void anEmptyClassIsNamed() {
        LabeledDataset data = LabeledDataset.classification(Nd4j.zeros(DataType.FLOAT, 3, 2), new int[] {0, 0, 2}, CLASSES);

        IllegalArgumentException over = assertThrows(IllegalArgumentException.class, () -> BalancedBatches.oversample(data));
        IllegalArgumentException under = assertThrows(IllegalArgumentException.class, () -> BalancedBatches.undersample(data));

        assertTrue(over.getMessage().startsWith("class 'rare' has no examples, so it cannot be oversampled"), over.getMessage());
        assertTrue(under.getMessage().contains("class 'rare' has no examples"), under.getMessage());
    }

    /** The example indices of the rest of the epoch, read from the features (example i holds i). */
    private static List<Integer> epoch(DataSetIterator iterator) {
        List<Integer> indices = new ArrayList<>();
        while (iterator.hasNext()) {
            DataSet batch = iterator.next();
            float[] values = batch.getFeatures().reshape(batch.numExamples(), 2).getColumn(0).toFloatVector();
            for (float value : values) {
                indices.add((int) value);
            }
        }
        return indices;
    }

    private static int[] counts(LabeledDataset data, List<Integer> indices) {
        int[] counts = new int[data.numClasses()];
        indices.forEach(i -> counts[data.classIndex(i)]++);
        return counts;
    }
}
