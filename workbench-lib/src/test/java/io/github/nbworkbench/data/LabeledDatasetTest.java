package io.github.nbworkbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class LabeledDatasetTest {

    private final LabeledDataset data = TinyImages.numbered(30);

    @Test
    void holdsFeaturesOneHotLabelsAndClassNames() {
        assertEquals(30, data.size());
        assertArrayEquals(new long[] {1, 2, 2}, data.exampleShape());
        assertArrayEquals(new long[] {30, 3}, data.labels().shape());
        assertEquals(1f, data.labels().getFloat(4, 1));
        assertEquals("b", data.className(4));
        assertArrayEquals(new int[] {10, 10, 10}, data.classCounts());
        assertEquals(4f, data.example(4).getFloat(0, 1, 1));
    }

    @Test
    void selectCopiesTheChosenExamplesInOrder() {
        LabeledDataset chosen = data.select(7, 2);

        assertArrayEquals(new long[] {2, 1, 2, 2}, chosen.features().shape());
        assertEquals(7f, chosen.example(0).getFloat(0, 0, 0));
        assertEquals(2f, chosen.example(1).getFloat(0, 0, 0));
        assertArrayEquals(new int[] {1, 2}, chosen.classIndices());
        assertEquals(1f, chosen.labels().getFloat(0, 1));
    }

    @Test
    void limitTakesTheFirstExamplesOfEachClassEvenWhenTheDataIsGroupedByClass() {
        int[] groupedByClass = IntStream.range(0, 30).map(i -> i % 10 * 3 + i / 10).toArray();
        LabeledDataset first = data.select(groupedByClass).limit(6);

        assertArrayEquals(new int[] {2, 2, 2}, first.classCounts());
        assertEquals(0f, first.example(0).getFloat(0, 0, 0));
        assertEquals(3f, first.example(1).getFloat(0, 0, 0));
        assertEquals(1f, first.example(2).getFloat(0, 0, 0));
    }

    @Test
    void flatAndBackToImages() {
        LabeledDataset flat = data.flat();

        assertArrayEquals(new long[] {30, 4}, flat.features().shape());
        assertArrayEquals(new long[] {30, 1, 2, 2}, flat.asImages(1, 2, 2).features().shape());
        assertThrows(IllegalArgumentException.class, () -> flat.asImages(1, 3, 3));
    }

    @Test
    void trainValidationSplitIsStratifiedAndDisjoint() {
        TrainingData split = data.trainValidationSplit(0.2, 3);

        assertArrayEquals(new int[] {8, 8, 8}, split.trainSet().classCounts());
        assertArrayEquals(new int[] {2, 2, 2}, split.validationSet().classCounts());
        float[] ids = Nd4j.concat(0, split.trainSet().features(), split.validationSet().features()).get(
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.point(0), org.nd4j.linalg.indexing.NDArrayIndex.point(0)).toFloatVector();
        java.util.Arrays.sort(ids);
        assertArrayEquals(IntStream.range(0, 30).mapToDouble(i -> i).toArray(),
                IntStream.range(0, 30).mapToDouble(i -> ids[i]).toArray());
    }

    @Test
    void trainValidationTestSplitNamesThreeDisjointStratifiedParts() {
        LabeledDataset sixty = TinyImages.numbered(60);

        TrainingData parts = sixty.trainValidationTestSplit(0.2, 0.1, 5);

        assertArrayEquals(new int[] {14, 14, 14}, parts.trainSet().classCounts());
        assertArrayEquals(new int[] {4, 4, 4}, parts.validationSet().classCounts());
        assertArrayEquals(new int[] {2, 2, 2}, parts.testSet().classCounts());
        float[] ids = Nd4j.concat(0, parts.trainSet().flat().features(), parts.validationSet().flat().features(), parts.testSet().flat().features())
                .getColumn(0).toFloatVector();
        java.util.Arrays.sort(ids);
        assertArrayEquals(IntStream.range(0, 60).mapToDouble(i -> i).toArray(), IntStream.range(0, 60).mapToDouble(i -> ids[i]).toArray());
        assertEquals(parts.testSet().features(), sixty.trainValidationTestSplit(0.2, 0.1, 5).testSet().features(), "the seed fixes the parts");
    }

    @Test
    void trainValidationTestSplitRefusesPartsWithoutExamples() {
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class, () -> data.trainValidationTestSplit(0.01, 0.2, 1));
        IllegalArgumentException nothingLeft = assertThrows(IllegalArgumentException.class, () -> data.trainValidationTestSplit(0.5, 0.5, 1));

        assertTrue(tooFew.getMessage().contains("0 validation"), tooFew::getMessage);
        assertTrue(nothingLeft.getMessage().contains("leave some examples for training"), nothingLeft::getMessage);
    }

    @Test
    void emptyDatasetsAreRefusedWhenMade() {
        IllegalArgumentException classification = assertThrows(IllegalArgumentException.class,
                () -> LabeledDataset.classification(Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 0, 4), new int[0], List.of("a", "b")));
        IllegalArgumentException regression = assertThrows(IllegalArgumentException.class,
                () -> LabeledDataset.regression(Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 0, 4), Nd4j.create(0, 1)));
        IllegalArgumentException split = assertThrows(IllegalArgumentException.class, () -> data.trainValidationSplit(0.01, 1));

        assertTrue(classification.getMessage().contains("needs 1 example or more") && classification.getMessage().contains("[0, 4]"),
                classification::getMessage);
        assertTrue(regression.getMessage().contains("needs 1 example or more"), regression::getMessage);
        assertTrue(split.getMessage().contains("leaves 30 for training and 0 for validation"), split::getMessage);
        assertThrows(IllegalArgumentException.class, () -> data.limit(0));
    }

    @Test
    void regressionHasTargetsNotClasses() {
        LabeledDataset regression = LabeledDataset.regression(Nd4j.rand(5, 3), Nd4j.rand(5, 1));

        assertEquals(List.of(), regression.classNames());
        assertEquals(4, regression.trainValidationSplit(0.2, 1).trainSet().size());
        assertThrows(IllegalStateException.class, regression::classCounts);
    }

    @Test
    void toDataSetCarriesClassNames() {
        DataSet dataSet = data.toDataSet();

        assertEquals(List.of("a", "b", "c"), dataSet.getLabelNamesList());
        assertEquals(30, dataSet.numExamples());
    }

    @Test
    void mismatchedSizesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabeledDataset.regression(Nd4j.rand(5, 3), Nd4j.rand(4, 1)));
        assertTrue(e.getMessage().contains("[5, 3]") && e.getMessage().contains("[4, 1]"), e::getMessage);
    }
}
