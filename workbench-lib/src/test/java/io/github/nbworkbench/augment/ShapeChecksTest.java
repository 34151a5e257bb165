package io.github.nbworkbench.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ShapeChecksTest {

    private static final List<ImageAugmentation> EVERY_OP = List.of(
            new RandomHorizontalFlip(0.5), new RandomVerticalFlip(0.5), new RandomCropWithPadding(2),
            new RandomRotation(10), new RandomZoom(0.9, 1.1), RandomAffine.builder().shear(5).build(),
            new RandomBrightnessContrast(0.2, 0.2), new GaussianNoise(0.1), RandomErasing.cutout(3));

    @Test
    void flatRowsAreRefusedWithTheReshapeThatFixesThem() {
        INDArray flat = Nd4j.zeros(DataType.FLOAT, 32, 784);
        for (ImageAugmentation op : EVERY_OP) {
            String message = messageOf(op, flat);
            assertTrue(message.contains("[N, C, H, W]") && message.contains("[32, 784]")
                    && message.contains("images.reshape(32, 1, 28, 28)"), op + ": " + message);
        }
    }

    @Test
    void rankThreeIsRefusedWithTheReshapeThatAddsTheChannel() {
        String message = messageOf(new RandomHorizontalFlip(1), Nd4j.zeros(DataType.FLOAT, 8, 28, 28));
        assertTrue(message.contains("[8, 28, 28]") && message.contains("images.reshape(8, 1, 28, 28)"), message);
    }

    @Test
    void flatRgbRowsGetAThreeChannelReshape() {
        String message = messageOf(new RandomHorizontalFlip(1), Nd4j.zeros(DataType.FLOAT, 4, 3 * 32 * 32));
        assertTrue(message.contains("images.reshape(4, 3, 32, 32)"), message);
    }

    @Test
    void channelsLastIsRefusedWithThePermuteThatFixesIt() {
        for (ImageAugmentation op : EVERY_OP) {
            String message = messageOf(op, Nd4j.zeros(DataType.FLOAT, 16, 28, 28, 1));
            assertTrue(message.contains("[N, C, H, W]") && message.contains("[16, 28, 28, 1]")
                    && message.contains("channels last") && message.contains("permute(0, 3, 1, 2)"), op + ": " + message);
        }
    }

    @Test
    void channelsFirstColourAndGrayBatchesPass() {
        for (ImageAugmentation op : EVERY_OP) {
            assertArrayEquals(new long[] {2, 3, 8, 8}, op.apply(Nd4j.rand(DataType.FLOAT, 2, 3, 8, 8), new SplittableRandom(1)).shape());
            assertArrayEquals(new long[] {2, 1, 28, 28}, op.apply(Nd4j.rand(DataType.FLOAT, 2, 1, 28, 28), new SplittableRandom(1)).shape());
        }
    }

    @Test
    void doubleInputComesBackAsFloatAndIsLeftUnchanged() {
        INDArray input = Nd4j.rand(DataType.DOUBLE, 2, 1, 4, 4);
        INDArray before = input.dup();
        INDArray output = new GaussianNoise(0.1).apply(input, new SplittableRandom(1));
        assertTrue(output.dataType() == DataType.FLOAT);
        assertTrue(input.equals(before));
    }

    @Test
    void viewsAreReadAsTheirOwnValues() {
        INDArray batch = TestImages.counting(4, 1, 2, 2);
        INDArray view = batch.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 4));
        INDArray copy = new RandomHorizontalFlip(0).apply(view, new SplittableRandom(1));
        assertTrue(copy.equals(view.dup()), copy.toString());
    }

    @Test
    void readsTheValuesEvenWhenSomeoneMovedTheBufferPointer() {
        INDArray batch = TestImages.counting(2, 1, 3, 3);
        batch.data().pointer().position(5); // what DataVec's NativeImageLoader.asMat leaves behind
        assertEquals(batch.dup(), new RandomHorizontalFlip(0).apply(batch, new SplittableRandom(1)));
    }

    private static String messageOf(ImageAugmentation op, INDArray images) {
        return assertThrows(IllegalArgumentException.class, () -> op.apply(images, new SplittableRandom(1))).getMessage();
    }
}
