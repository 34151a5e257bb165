package io.github.nbworkbench.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class RandomHorizontalFlipTest {

    @Test
    void mirrorsEachRowOfA2x3Image() {
        INDArray image = TestImages.gray(new float[][] {{1, 2, 3}, {4, 5, 6}});
        INDArray flipped = new RandomHorizontalFlip(1).apply(image, new SplittableRandom(1));
        assertEquals(TestImages.gray(new float[][] {{3, 2, 1}, {6, 5, 4}}), flipped);
        assertEquals(TestImages.gray(new float[][] {{1, 2, 3}, {4, 5, 6}}), image, "input unchanged");
    }

    @Test
    void probabilityZeroChangesNothing() {
        INDArray batch = TestImages.counting(5, 3, 4, 6);
        assertEquals(batch, new RandomHorizontalFlip(0).apply(batch, new SplittableRandom(1)));
    }

    @Test
    void flipsAboutHalfOfTheImagesWithProbabilityOneHalfAndEachAsAWhole() {
        int count = 400;
        INDArray batch = TestImages.counting(count, 2, 3, 5);
        INDArray mirrored = new RandomHorizontalFlip(1).apply(batch, new SplittableRandom(1));
        INDArray result = new RandomHorizontalFlip(0.5).apply(batch, new SplittableRandom(7));
        int flipped = 0;
        for (int i = 0; i < count; i++) {
            boolean isFlipped = result.slice(i).equals(mirrored.slice(i));
            assertTrue(isFlipped || result.slice(i).equals(batch.slice(i)), "image " + i + " is neither original nor mirrored");
            flipped += isFlipped ? 1 : 0;
        }
        assertTrue(flipped > 160 && flipped < 240, "flipped " + flipped + " of " + count);
    }

    @Test
    void sameSeedSameFlips() {
        INDArray batch = TestImages.counting(50, 1, 2, 2);
        RandomHorizontalFlip flip = new RandomHorizontalFlip(0.5);
        assertEquals(flip.apply(batch, new SplittableRandom(3)), flip.apply(batch, new SplittableRandom(3)));
    }
}
