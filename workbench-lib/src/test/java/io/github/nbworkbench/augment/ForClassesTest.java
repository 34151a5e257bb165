package io.github.nbworkbench.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class ForClassesTest {

    private static final int N = 20;
    private static final int CLASSES = 5;

    private static DataSet batch() {
        return new DataSet(Nd4j.rand(DataType.FLOAT, N, 3, 9, 9), LabeledTestBatches.oneHot(N, CLASSES));
    }

    @Test
    void examplesOfOtherClassesPassThroughBitForBit() {
        DataSet batch = batch();
        DataSet augmented = AugmentationPipeline.builder().flipHorizontal(1).rotate(20).noise(0.1).onlyForClasses(2, 4).seed(6)
                .build().apply(batch, 0);
        for (int i = 0; i < N; i++) {
            int[] before = bits(batch.getFeatures().slice(i));
            int[] after = bits(augmented.getFeatures().slice(i));
            if (i % CLASSES == 2 || i % CLASSES == 4) {
                assertNotEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(after), "example " + i);
            } else {
                assertArrayEquals(before, after, "example " + i);
            }
        }
        assertEquals(batch.getLabels(), augmented.getLabels());
    }

    @Test
    void aSingleStepCanBeLimitedToSomeClassesWhileTheOthersRunOnAll() {
        DataSet batch = LabeledTestBatches.countingImages(N, 1, 4, CLASSES);
        DataSet augmented = AugmentationPipeline.builder().add(ForClasses.of(new RandomVerticalFlip(1), 1)).flipHorizontal(1)
                .build().apply(batch, 0);
        INDArray mirrored = new RandomHorizontalFlip(1).apply(batch.getFeatures(), new java.util.SplittableRandom(0));
        INDArray mirroredBothWays = new RandomVerticalFlip(1).apply(mirrored, new java.util.SplittableRandom(0));
        for (int i = 0; i < N; i++) {
            INDArray expected = (i % CLASSES == 1 ? mirroredBothWays : mirrored).slice(i);
            assertEquals(expected, augmented.getFeatures().slice(i), "example " + i);
        }
    }

    @Test
    void theChosenExamplesAreAugmentedAsOneSmallerBatch() {
        DataSet batch = LabeledTestBatches.constantImages(N, 1, 4, CLASSES);
        DataSet mixed = AugmentationPipeline.builder().mixUp(1).onlyForClasses(0, 3).seed(2).build().apply(batch, 0);
        float[][] labels = mixed.getLabels().toFloatMatrix();
        for (int i = 0; i < N; i++) {
            float own = labels[i][i % CLASSES];
            if (i % CLASSES == 0 || i % CLASSES == 3) {
                assertEquals(0f, labels[i][1] + labels[i][2] + labels[i][4], 0f, "mixed only with classes 0 and 3");
            } else {
                assertEquals(1f, own, 0f);
                assertEquals(batch.getFeatures().slice(i), mixed.getFeatures().slice(i));
            }
        }
        assertNotEquals(batch.getLabels(), mixed.getLabels());
    }

    @Test
    void aBatchWithoutTheChosenClassesComesBackUnchanged() {
        DataSet batch = batch();
        INDArray fewClasses = LabeledTestBatches.oneHot(N, 2);
        DataSet onlyZeroAndOne = new DataSet(batch.getFeatures(), Nd4j.concat(1, fewClasses, Nd4j.zeros(DataType.FLOAT, N, 3)));
        DataSet same = AugmentationPipeline.builder().flipHorizontal(1).onlyForClasses(4).build().apply(onlyZeroAndOne, 0);
        assertEquals(batch.getFeatures(), same.getFeatures());
    }

    @Test
    void classesOutsideTheLabelsAndBadLabelsAreRefused() {
        AugmentationPipeline rare = AugmentationPipeline.builder().flipHorizontal(1).onlyForClasses(7).build();
        String outside = assertThrows(IllegalArgumentException.class, () -> rare.apply(batch(), 0)).getMessage();
        assertTrue(outside.contains("[7]") && outside.contains("only 5 classes"), outside);
        DataSet indices = new DataSet(Nd4j.rand(DataType.FLOAT, 3, 1, 4, 4), Nd4j.create(new float[] {0, 7, 2}, 3, 1));
        String message = assertThrows(IllegalArgumentException.class, () -> rare.apply(indices, 0)).getMessage();
        assertTrue(message.contains("ForClasses([7]") && message.contains("[3, 1]") && message.contains("class indices"), message);
        assertThrows(IllegalStateException.class, () -> rare.apply(Nd4j.rand(DataType.FLOAT, 2, 1, 4, 4)));
        assertThrows(IllegalArgumentException.class, () -> ForClasses.of(new RandomHorizontalFlip(1)));
        assertThrows(IllegalArgumentException.class, () -> ForClasses.of(new RandomHorizontalFlip(1), -1));
        assertThrows(IllegalArgumentException.class, () -> new ForClasses(List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> AugmentationPipeline.builder().onlyForClasses(1).build());
    }

    @Test
    void theWholePipelineBecomesOneStepForTheClasses() {
        List<AugmentationStep> steps = AugmentationPipeline.builder().onlyForClasses(3, 1, 3).flipHorizontal(0.5).mixUp(0.2).build().steps();
        assertEquals(1, steps.size());
        assertSame(ForClasses.class, steps.get(0).getClass());
        assertTrue(steps.get(0).toString().startsWith("ForClasses([1, 3], [RandomHorizontalFlip"), steps.get(0).toString());
    }

    private static int[] bits(INDArray image) {
        float[] values = image.dup().data().asFloat();
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}
