package io.github.nbworkbench.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class RandomAffineTest {

    @Test
    void ninetyDegreesWithNearestSamplingIsAnExactCounterClockwiseQuarterTurn() {
        for (int size : new int[] {4, 5}) {
            INDArray batch = TestImages.counting(2, 3, size, size);
            RandomAffine quarterTurn = RandomAffine.builder().rotation(Range.fixed(90))
                    .interpolation(Interpolation.NEAREST).build();
            assertEquals(quarterTurnCounterClockwise(batch), quarterTurn.apply(batch, new SplittableRandom(1)), "size " + size);
        }
    }

    @Test
    void ninetyDegreesWithBilinearSamplingIsTheSameQuarterTurn() {
        INDArray batch = TestImages.counting(1, 1, 6, 6);
        INDArray rotated = new RandomRotation(Range.fixed(90), Interpolation.BILINEAR, EdgeMode.ZERO)
                .apply(batch, new SplittableRandom(1));
        assertTrue(quarterTurnCounterClockwise(batch).equalsWithEps(rotated, 1e-4), rotated.toString());
    }

    @Test
    void theDefaultWarpChangesNothing() {
        INDArray batch = TestImages.counting(3, 2, 5, 7);
        assertEquals(batch, RandomAffine.builder().build().apply(batch, new SplittableRandom(1)));
    }

    @Test
    void bilinearSamplingOfAHalfPixelShiftAveragesNeighbours() {
        ImageBatch row = ImageBatch.copyOf(TestImages.gray(new float[][] {{2, 4, 8, 16}}));
        ImageBatch shifted = row.zerosLike();
        new AffineWarp(Interpolation.BILINEAR, EdgeMode.ZERO).warp(row, shifted, 0, RandomAffine.inverseMap(0, 1, 0, 0.5, 0, 4, 1));
        assertArrayEquals(new float[] {1, 3, 6, 12}, shifted.data());
        ImageBatch clamped = row.zerosLike();
        new AffineWarp(Interpolation.BILINEAR, EdgeMode.NEAREST).warp(row, clamped, 0, RandomAffine.inverseMap(0, 1, 0, 0.5, 0, 4, 1));
        assertArrayEquals(new float[] {2, 3, 6, 12}, clamped.data());
    }

    @Test
    void zoomTwiceWithNearestSamplingDoublesTheCentralPixels() {
        INDArray image = TestImages.gray(new float[][] {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}});
        INDArray zoomed = new RandomZoom(Range.fixed(2), Interpolation.NEAREST, EdgeMode.ZERO).apply(image, new SplittableRandom(1));
        assertEquals(TestImages.gray(new float[][] {{6, 6, 7, 7}, {6, 6, 7, 7}, {10, 10, 11, 11}, {10, 10, 11, 11}}), zoomed);
    }

    @Test
    void shearOf45DegreesShiftsEachRowByItsDistanceFromTheCentre() {
        INDArray image = TestImages.counting(1, 1, 5, 5);
        INDArray sheared = RandomAffine.builder().shear(Range.fixed(45)).interpolation(Interpolation.NEAREST).build()
                .apply(image, new SplittableRandom(1));
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 5; x++) {
                int sourceX = x - (y - 2);
                double expected = sourceX < 0 || sourceX > 4 ? 0 : image.getDouble(0, 0, y, sourceX);
                assertEquals(expected, sheared.getDouble(0, 0, y, x), "(" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void edgeModeDecidesWhatFillsTheCornersOfARotatedImage() {
        INDArray ones = TestImages.constant(1, 1, 8, 8, 1f);
        RandomAffine.Builder turn = RandomAffine.builder().rotation(Range.fixed(45));
        INDArray zeroEdges = turn.edges(EdgeMode.ZERO).build().apply(ones, new SplittableRandom(1));
        INDArray nearestEdges = turn.edges(EdgeMode.NEAREST).build().apply(ones, new SplittableRandom(1));
        assertEquals(0.0, zeroEdges.getDouble(0, 0, 0, 0));
        assertEquals(1.0, zeroEdges.getDouble(0, 0, 4, 4), 1e-6);
        assertTrue(nearestEdges.equalsWithEps(ones, 1e-5), nearestEdges.toString());
    }

    @Test
    void eachImageGetsItsOwnRandomWarpAndTheSeedFixesThem() {
        INDArray twins = TestImages.counting(1, 1, 8, 8).repeat(0, 2);
        RandomAffine warp = RandomAffine.builder().rotation(30).scale(0.8, 1.2).shear(10).translate(0.1).build();
        INDArray warped = warp.apply(twins, new SplittableRandom(11));
        assertNotEquals(warped.slice(0), warped.slice(1));
        assertEquals(warped, warp.apply(twins, new SplittableRandom(11)));
    }

    @Test
    void refusesImpossibleParameters() {
        assertThrows(IllegalArgumentException.class, () -> RandomAffine.builder().scale(0, 1));
        assertThrows(IllegalArgumentException.class, () -> RandomAffine.builder().shear(90));
        assertThrows(IllegalArgumentException.class, () -> new Range(2, 1));
    }

    /** numpy's rot90: out[y][x] = in[x][n - 1 - y] in every channel. */
    private static INDArray quarterTurnCounterClockwise(INDArray batch) {
        INDArray expected = batch.dup();
        long n = batch.size(2);
        for (int image = 0; image < batch.size(0); image++) {
            for (int channel = 0; channel < batch.size(1); channel++) {
                for (int y = 0; y < n; y++) {
                    for (int x = 0; x < n; x++) {
                        expected.putScalar(new long[] {image, channel, y, x}, batch.getDouble(image, channel, x, n - 1 - y));
                    }
                }
            }
        }
        return expected;
    }

    private static void assertArrayEquals(float[] expected, float[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, 1e-6f);
    }
}
