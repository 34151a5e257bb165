package io.github.nbworkbench.data;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.testdata.RequiresDataset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

@RequiresDataset(FASHION_MNIST)
class TrainingDataTest {

    private final LabeledDataset fashion = FashionMnist.load().train().limit(1000);

    /** The first pixel of every example of one pass, in the order the iterator gives them, and the batch sizes. */
    private static List<Float> firstPixels(DataSetIterator iterator, List<Integer> batchSizes) {
        List<Float> pixels = new ArrayList<>();
        while (iterator.hasNext()) {
            DataSet batch = iterator.next();
            batchSizes.add(batch.numExamples());
            for (int i = 0; i < batch.numExamples(); i++) {
                pixels.add(batch.getFeatures().getFloat(i, 0, 14, 14));
            }
        }
        return pixels;
    }

    private static List<Float> firstPixels(LabeledDataset data) {
        List<Float> pixels = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            pixels.add(data.features().getFloat(i, 0, 14, 14));
        }
        return pixels;
    }

    @Test
    void theSplitsAreStratifiedPartsOfTheDataset() {
        TrainingData two = fashion.trainValidationSplit(0.2, 3);
        TrainingData three = fashion.trainValidationTestSplit(0.1, 0.2, 3);

        assertEquals(800, two.trainSet().size());
        assertEquals(200, two.validationSet().size());
        assertFalse(two.hasTest());
        assertEquals(700, three.trainSet().size());
        assertEquals(100, three.validationSet().size());
        assertEquals(200, three.testSet().size());
        assertArrayEquals(new int[] {20, 20, 20, 20, 20, 20, 20, 20, 20, 20}, three.testSet().classCounts());
    }

    @Test
    void batchSizeIsACopyAndEveryPartComesInBatchesOfIt() {
        TrainingData data = fashion.trainValidationTestSplit(0.1, 0.2, 3);
        TrainingData big = data.batchSize(300);
        List<Integer> defaultSizes = new ArrayList<>();
        List<Integer> testSizes = new ArrayList<>();
        List<Integer> validationSizes = new ArrayList<>();

        firstPixels(data.train(), defaultSizes);
        firstPixels(big.test(), testSizes);
        firstPixels(big.validation(), validationSizes);

        assertEquals(TrainingData.DEFAULT_BATCH_SIZE, data.batchSize(), "the original keeps its batch size");
        assertEquals(TrainingData.DEFAULT_BATCH_SIZE, defaultSizes.get(0));
        assertEquals(List.of(200), testSizes);
        assertEquals(List.of(100), validationSizes);
        assertEquals(300, big.batchSize());
        assertThrows(IllegalArgumentException.class, () -> data.batchSize(0));
    }

    @Test
    void trainingBatchesAreShuffledFromTheSeedAndTheOthersKeepTheirOrder() {
        TrainingData data = fashion.trainValidationTestSplit(0.1, 0.2, 3).shuffle(11);
        DataSetIterator train = data.train();
        List<Float> epoch1 = firstPixels(train, new ArrayList<>());
        train.reset();
        List<Float> epoch2 = firstPixels(train, new ArrayList<>());

        assertNotEquals(firstPixels(data.trainSet()), epoch1, "shuffled");
        assertNotEquals(epoch1, epoch2, "reshuffled at reset");
        assertEquals(epoch1, firstPixels(data.train(), new ArrayList<>()), "a fresh iterator starts from the seed's first order");
        assertEquals(firstPixels(data.validationSet()), firstPixels(data.validation(), new ArrayList<>()));
        assertEquals(firstPixels(data.testSet()), firstPixels(data.test(), new ArrayList<>()));
    }

    @Test
    void thePreProcessorAppliesToEveryPart() {
        TrainingData data = fashion.trainValidationTestSplit(0.1, 0.2, 3);
        Standardizer standardizer = Standardizer.fitOn(data.trainSet());
        TrainingData standardized = data.preProcessor(standardizer).batchSize(1000);

        double trainMean = standardized.train().next().getFeatures().meanNumber().doubleValue();
        double testMean = standardized.test().next().getFeatures().meanNumber().doubleValue();

        assertEquals(0, trainMean, 0.01, "standardized with the training part's own statistics");
        assertEquals(0, testMean, 0.1);
        assertTrue(data.test().next().getFeatures().minNumber().doubleValue() >= 0, "the original is unchanged: pixels in [0, 1]");
    }

    @Test
    void askingForATestPartThatIsNotThereSaysHowToMakeOne() {
        TrainingData data = fashion.trainValidationSplit(0.2, 3);

        IllegalStateException iterator = assertThrows(IllegalStateException.class, data::test);
        IllegalStateException set = assertThrows(IllegalStateException.class, data::testSet);

        assertTrue(iterator.getMessage().startsWith("This TrainingData has no test part: split with trainValidationTestSplit"),
                iterator.getMessage());
        assertEquals(iterator.getMessage(), set.getMessage());
        assertEquals(200, TrainingData.of(data.trainSet(), data.validationSet(), data.validationSet()).testSet().size());
    }
}
