package io.github.nbworkbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

class BatchesTest {

    private final LabeledDataset data = TinyImages.numbered(10);

    @Test
    void batchesKeepTheImageShapeAndEndWithTheRest() {
        DataSetIterator iterator = data.batchSize(4).iterator();

        List<Integer> sizes = new ArrayList<>();
        while (iterator.hasNext()) {
            DataSet batch = iterator.next();
            assertEquals(4, batch.getFeatures().rank());
            assertArrayEquals(new long[] {batch.numExamples(), 3}, batch.getLabels().shape());
            sizes.add(batch.numExamples());
        }
        assertEquals(List.of(4, 4, 2), sizes);
        assertEquals(List.of("a", "b", "c"), iterator.getLabels());
    }

    @Test
    void withoutShuffleEveryEpochKeepsTheDatasetOrder() {
        DataSetIterator iterator = data.batchSize(3).iterator();

        assertEquals(IntStream.range(0, 10).boxed().toList(), epoch(iterator));
        iterator.reset();
        assertEquals(IntStream.range(0, 10).boxed().toList(), epoch(iterator));
    }

    @Test
    void shuffleGivesEachEpochItsOwnOrderTheSameOnEveryRun() {
        DataSetIterator iterator = data.batchSize(3).shuffle(42).iterator();
        List<Integer> first = epoch(iterator);
        iterator.reset();
        List<Integer> second = epoch(iterator);

        DataSetIterator rerun = data.batchSize(3).shuffle(42).iterator();
        assertEquals(first, epoch(rerun));
        rerun.reset();
        assertEquals(second, epoch(rerun));
        assertNotEquals(first, second);
        assertEquals(IntStream.range(0, 10).boxed().toList(), first.stream().sorted().toList());
    }

    @Test
    void labelsTravelWithTheirFeatures() {
        DataSetIterator iterator = data.batchSize(10).shuffle(1).iterator();
        DataSet batch = iterator.next();

        for (int row = 0; row < 10; row++) {
            int example = (int) batch.getFeatures().getFloat(row, 0, 0, 0);
            assertEquals(1f, batch.getLabels().getFloat(row, example % 3));
        }
        assertFalse(iterator.hasNext());
    }

    @Test
    void preProcessorSeesEveryBatch() {
        DataSetIterator iterator = data.batchSize(4).preProcessor(batch -> batch.getFeatures().addi(100)).iterator();

        assertEquals(100f, iterator.next().getFeatures().getFloat(0, 0, 0, 0));
    }

    /** The example ids (pixel values) of one epoch, in the order served. */
    private static List<Integer> epoch(DataSetIterator iterator) {
        List<Integer> ids = new ArrayList<>();
        while (iterator.hasNext()) {
            DataSet batch = iterator.next();
            for (int row = 0; row < batch.numExamples(); row++) {
                ids.add((int) batch.getFeatures().getFloat(row, 0, 0, 0));
            }
        }
        return ids;
    }
}
