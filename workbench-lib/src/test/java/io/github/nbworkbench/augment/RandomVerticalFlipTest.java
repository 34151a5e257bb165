package io.github.nbworkbench.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class RandomVerticalFlipTest {

    @Test
    void reversesTheRowsOfA2x3Image() {
        INDArray image = TestImages.gray(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(TestImages.gray(new float[][] {{4, 5, 6}, {1, 2, 3}}),
                new RandomVerticalFlip(1).apply(image, new SplittableRandom(1)));
    }

    @Test
    void flipsEveryChannelOfAnOddHeightImageAndKeepsTheMiddleRow() {
        INDArray batch = TestImages.counting(2, 3, 5, 4);
        INDArray expected = batch.dup();
        for (int image = 0; image < 2; image++) {
            for (int channel = 0; channel < 3; channel++) {
                for (int y = 0; y < 5; y++) {
                    expected.get(point(image), point(channel), point(y), all()).assign(batch.get(point(image), point(channel), point(4 - y), all()));
                }
            }
        }
        assertEquals(expected, new RandomVerticalFlip(1).apply(batch, new SplittableRandom(1)));
    }

    @Test
    void sameSeedSameFlipsOtherSeedOtherFlips() {
        INDArray batch = TestImages.counting(64, 1, 2, 2);
        RandomVerticalFlip flip = new RandomVerticalFlip(0.5);
        assertEquals(flip.apply(batch, new SplittableRandom(3)), flip.apply(batch, new SplittableRandom(3)));
        assertNotEquals(flip.apply(batch, new SplittableRandom(3)), flip.apply(batch, new SplittableRandom(4)));
    }
}
