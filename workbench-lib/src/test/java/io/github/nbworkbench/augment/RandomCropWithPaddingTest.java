package io.github.nbworkbench.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class RandomCropWithPaddingTest {

    private static final int SIZE = 6;

    @Test
    void zeroPaddingShiftsTheContentByTheCropOffsetAndFillsWithZeros() {
        int pad = 2;
        INDArray batch = TestImages.counting(200, 2, SIZE, SIZE);
        INDArray shifted = new RandomCropWithPadding(pad).apply(batch, new SplittableRandom(5));
        Set<String> offsets = new HashSet<>();
        for (int image = 0; image < 200; image++) {
            int[] offset = offsetOf(batch, shifted, image);
            assertTrue(Math.abs(offset[0]) <= pad && Math.abs(offset[1]) <= pad, "offset " + offset[0] + "," + offset[1]);
            offsets.add(offset[0] + "," + offset[1]);
            for (int channel = 0; channel < 2; channel++) {
                for (int y = 0; y < SIZE; y++) {
                    for (int x = 0; x < SIZE; x++) {
                        int sy = y + offset[1];
                        int sx = x + offset[0];
                        double expected = sy < 0 || sy >= SIZE || sx < 0 || sx >= SIZE ? 0 : batch.getDouble(image, channel, sy, sx);
                        assertEquals(expected, shifted.getDouble(image, channel, y, x), "image " + image);
                    }
                }
            }
        }
        assertEquals(25, offsets.size(), "every offset in -2..2 x -2..2 occurs");
    }

    @Test
    void reflectPaddingMirrorsWithoutRepeatingTheEdge() {
        INDArray image = TestImages.gray(new float[][] {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}});
        Set<String> seen = new HashSet<>();
        for (int seed = 0; seed < 100; seed++) {
            seen.add(values(new RandomCropWithPadding(1, Padding.REFLECT).apply(image, new SplittableRandom(seed))));
        }
        // content moved right by one (dx = -1, dy = 0): column -1 reflects to column 1
        assertTrue(seen.contains(values(TestImages.gray(new float[][] {{2, 1, 2, 3}, {6, 5, 6, 7}, {10, 9, 10, 11}}))));
        // content moved up by one (dy = +1, dx = 0): row 3 reflects to row 1
        assertTrue(seen.contains(values(TestImages.gray(new float[][] {{5, 6, 7, 8}, {9, 10, 11, 12}, {5, 6, 7, 8}}))));
        assertEquals(9, seen.size(), "3 x 3 offsets");
    }

    @Test
    void zeroPaddingWiderThanTheImageCanShiftAllContentOut() {
        INDArray batch = TestImages.counting(100, 1, 3, 3);
        INDArray shifted = new RandomCropWithPadding(5).apply(batch, new SplittableRandom(2));
        int empty = 0;
        for (int image = 0; image < 100; image++) {
            empty += shifted.slice(image).sumNumber().doubleValue() == 0 ? 1 : 0;
        }
        assertTrue(empty > 50, empty + " of 100 images shifted out completely");
    }

    @Test
    void reflectNeedsImagesLargerThanThePadding() {
        INDArray tiny = TestImages.counting(1, 1, 3, 3);
        assertThrows(IllegalArgumentException.class,
                () -> new RandomCropWithPadding(3, Padding.REFLECT).apply(tiny, new SplittableRandom(1)));
    }

    private static String values(INDArray images) {
        return Arrays.toString(images.data().asFloat());
    }

    /** Where pixel value v of the original moved: the offset (dx, dy) with shifted[y][x] = original[y + dy][x + dx]. */
    private static int[] offsetOf(INDArray original, INDArray shifted, int image) {
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double value = shifted.getDouble(image, 0, y, x);
                if (value != 0) {
                    double first = original.getDouble(image, 0, 0, 0);
                    int index = (int) (value - first);
                    return new int[] {index % SIZE - x, index / SIZE - y};
                }
            }
        }
        throw new AssertionError("image " + image + " is all zeros");
    }
}
