package io.github.nbworkbench.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class RandomErasingTest {

    @Test
    void cutoutZeroesOneSquareOfTheRequestedSizeInEveryChannel() {
        INDArray batch = TestImages.counting(50, 3, 10, 12);
        INDArray cut = RandomErasing.cutout(4).apply(batch, new SplittableRandom(1));
        for (int image = 0; image < 50; image++) {
            int[] box = zeroBox(cut, image, 0);
            assertEquals(4, box[2] - box[0] + 1, "height, image " + image);
            assertEquals(4, box[3] - box[1] + 1, "width, image " + image);
            for (int channel = 0; channel < 3; channel++) {
                assertTrue(Arrays.equals(box, zeroBox(cut, image, channel)), "same square in all channels");
                for (int y = 0; y < 10; y++) {
                    for (int x = 0; x < 12; x++) {
                        boolean inside = y >= box[0] && y <= box[2] && x >= box[1] && x <= box[3];
                        double expected = inside ? 0 : batch.getDouble(image, channel, y, x);
                        assertEquals(expected, cut.getDouble(image, channel, y, x));
                    }
                }
            }
        }
    }

    @Test
    void meanFillUsesTheChannelMeanOfTheImage() {
        INDArray image = TestImages.gray(new float[][] {{1, 2}, {3, 6}});
        INDArray erased = new RandomErasing(1, 1, 2, 2, ErasingFill.MEAN).apply(image, new SplittableRandom(1));
        assertEquals(TestImages.constant(1, 1, 2, 2, 3f), erased);
    }

    @Test
    void rectanglesStayWithinTheSizeRangeAndTheImage() {
        INDArray ones = TestImages.constant(300, 1, 8, 8, 1f);
        INDArray erased = new RandomErasing(1, 1, 2, 5, ErasingFill.ZERO).apply(ones, new SplittableRandom(3));
        for (int image = 0; image < 300; image++) {
            int zeros = 64 - erased.slice(image).sumNumber().intValue();
            assertTrue(zeros >= 4 && zeros <= 25, zeros + " pixels erased");
        }
    }

    @Test
    void probabilityZeroErasesNothingAndBadSizesAreRefused() {
        INDArray batch = TestImages.counting(3, 1, 5, 5);
        assertEquals(batch, new RandomErasing(0, 2, 1, 3, ErasingFill.ZERO).apply(batch, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> new RandomErasing(1, 1, 4, 3, ErasingFill.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RandomErasing(1, 0, 1, 3, ErasingFill.ZERO));
    }

    /** {top, left, bottom, right} of the zero pixels in one channel (counting images have no other zeros). */
    private static int[] zeroBox(INDArray images, int image, int channel) {
        int top = Integer.MAX_VALUE;
        int left = Integer.MAX_VALUE;
        int bottom = -1;
        int right = -1;
        for (int y = 0; y < images.size(2); y++) {
            for (int x = 0; x < images.size(3); x++) {
                if (images.getDouble(image, channel, y, x) == 0) {
                    top = Math.min(top, y);
                    left = Math.min(left, x);
                    bottom = Math.max(bottom, y);
                    right = Math.max(right, x);
                }
            }
        }
        return new int[] {top, left, bottom, right};
    }
}
