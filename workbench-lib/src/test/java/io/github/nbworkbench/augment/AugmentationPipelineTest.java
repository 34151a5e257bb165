package io.github.nbworkbench.augment;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.testdata.RequiresDataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.CompositeDataSetPreProcessor;
import org.nd4j.linalg.factory.Nd4j;

class AugmentationPipelineTest {

    private static AugmentationPipeline.Builder typical() {
        return AugmentationPipeline.builder().flipHorizontal(0.5).cropWithPadding(4).rotate(10);
    }

    @RequiresDataset(FASHION_MNIST)
    @Test
    void sameSeedGivesTheSameBatchesOnRealImages() throws IOException {
        INDArray images = FashionMnistSample.images(256);
        AugmentationPipeline first = typical().seed(42).build();
        AugmentationPipeline second = typical().seed(42).build();
        for (int batch = 0; batch < 3; batch++) {
            INDArray augmented = first.apply(images);
            assertEquals(augmented, second.apply(images), "batch " + batch);
            assertNotEquals(images, augmented);
            assertTrue(augmented.minNumber().doubleValue() >= 0 && augmented.maxNumber().doubleValue() <= 1 + 1e-6);
        }
        assertNotEquals(typical().seed(42).build().apply(images), typical().seed(43).build().apply(images));
    }

    @Test
    void theBatchCounterNumbersBatchesAndEachNumberHasItsOwnAugmentation() {
        INDArray images = TestImages.counting(16, 1, 8, 8);
        AugmentationPipeline counting = typical().seed(7).build();
        AugmentationPipeline indexed = typical().seed(7).build();
        INDArray batch0 = counting.apply(images);
        INDArray batch1 = counting.apply(images);
        assertEquals(batch0, indexed.apply(images, 0));
        assertEquals(batch1, indexed.apply(images, 1));
        assertNotEquals(batch0, batch1);
    }

    @Test
    void stepsRunInTheOrderTheyWereAdded() {
        List<String> order = new ArrayList<>();
        AugmentationPipeline.builder().add((images, random) -> record(order, "first", images))
                .add((images, random) -> record(order, "second", images)).build().apply(TestImages.counting(1, 1, 2, 2));
        assertEquals(List.of("first", "second"), order);
        List<AugmentationStep> steps = AugmentationPipeline.builder().flipHorizontal(0.5).flipVertical(0.5).cropWithPadding(2, Padding.REFLECT)
                .rotate(5).zoom(0.9, 1.1).affine(RandomAffine.builder().shear(5).build()).brightnessContrast(0.1, 0.1)
                .noise(0.01).cutout(4).build().steps();
        assertEquals(List.of(RandomHorizontalFlip.class, RandomVerticalFlip.class, RandomCropWithPadding.class,
                RandomRotation.class, RandomZoom.class, RandomAffine.class, RandomBrightnessContrast.class,
                GaussianNoise.class, RandomErasing.class), steps.stream().map(Object::getClass).toList());
    }

    private static ImageBatch record(List<String> order, String step, ImageBatch images) {
        order.add(step);
        return images;
    }

    @Test
    void asAPreProcessorItReplacesFeaturesAndKeepsLabelsAndMasks() {
        INDArray features = TestImages.counting(4, 1, 5, 5);
        INDArray labels = Nd4j.eye(4);
        INDArray labelMask = Nd4j.ones(DataType.FLOAT, 4, 1);
        DataSet data = new DataSet(features, labels, null, labelMask);
        AugmentationPipeline.builder().flipHorizontal(1).build().preProcess(data);
        assertEquals(new RandomHorizontalFlip(1).apply(features, new java.util.SplittableRandom(0)), data.getFeatures());
        assertSame(labels, data.getLabels());
        assertSame(labelMask, data.getLabelsMaskArray());
        assertEquals(TestImages.counting(4, 1, 5, 5), features, "the old features array is left as it was");
    }

    @Test
    void composesWithANormalizerThatRunsAfterIt() {
        DataSet data = new DataSet(TestImages.constant(2, 1, 4, 4, 0.5f), Nd4j.eye(2));
        AugmentationPipeline noise = AugmentationPipeline.builder().noise(0.5).build();
        new CompositeDataSetPreProcessor(noise, set -> set.getFeatures().subi(10)).preProcess(data);
        assertTrue(data.getFeatures().maxNumber().doubleValue() <= -9, "normalized after clipping to [0, 1]");
    }

    @Test
    void wrongShapesAreRefusedByThePipelineAndThePreview() {
        AugmentationPipeline pipeline = typical().build();
        INDArray channelsLast = Nd4j.zeros(DataType.FLOAT, 2, 32, 32, 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> pipeline.apply(channelsLast))
                .getMessage().contains("permute(0, 3, 1, 2)"));
        assertThrows(IllegalArgumentException.class, () -> AugmentationPreview.of(pipeline, channelsLast, 1));
    }
}
