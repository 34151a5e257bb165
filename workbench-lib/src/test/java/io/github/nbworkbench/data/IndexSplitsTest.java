package io.github.nbworkbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IndexSplitsTest {

    /** 100 examples: 50 of class 0, 30 of class 1, 20 of class 2, interleaved. */
    private static final int[] CLASSES = IntStream.range(0, 100).map(i -> i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2).toArray();

    @Test
    void quotasAreProportionalAndSumToTheTotal() {
        assertArrayEquals(new int[] {10, 6, 4}, IndexSplits.proportionalQuotas(new int[] {50, 30, 20}, 20));
        assertArrayEquals(new int[] {1, 1, 1}, IndexSplits.proportionalQuotas(new int[] {50, 30, 20}, 3));
        assertEquals(7, IntStream.of(IndexSplits.proportionalQuotas(new int[] {1001, 1127, 991}, 7)).sum());
    }

    @Test
    void stratifiedSplitKeepsEachClassShareAndCoversEveryIndexOnce() {
        IndexSplit split = IndexSplits.stratified(CLASSES, 0.2, 7);

        assertArrayEquals(new int[] {40, 24, 16}, countClasses(split.first()));
        assertArrayEquals(new int[] {10, 6, 4}, countClasses(split.second()));
        int[] all = IntStream.concat(IntStream.of(split.first()), IntStream.of(split.second())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 100).toArray(), all);
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        IndexSplit once = IndexSplits.stratified(CLASSES, 0.2, 7);
        IndexSplit again = IndexSplits.stratified(CLASSES, 0.2, 7);
        IndexSplit other = IndexSplits.stratified(CLASSES, 0.2, 8);

        assertArrayEquals(once.first(), again.first());
        assertArrayEquals(once.second(), again.second());
        assertFalse(Arrays.equals(once.second(), other.second()));
    }

    @Test
    void partsComeShuffledNotGroupedByClass() {
        int[] first = IndexSplits.stratified(CLASSES, 0.2, 7).first();

        assertFalse(Arrays.equals(first, IntStream.of(first).sorted().toArray()));
    }

    @Test
    void randomSplitHasTheRoundedSize() {
        IndexSplit split = IndexSplits.random(10, 0.3, 1);

        assertEquals(7, split.first().length);
        assertEquals(3, split.second().length);
    }

    @Test
    void stratifiedFirstTakesTheFirstOfEachClassInOrder() {
        int[] taken = IndexSplits.stratifiedFirst(CLASSES, 10);

        assertArrayEquals(new int[] {5, 3, 2}, countClasses(taken));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, taken);
    }

    @Test
    void fractionsOutsideZeroToOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> IndexSplits.random(10, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> IndexSplits.stratified(CLASSES, 0, 1));
    }

    private static int[] countClasses(int[] indices) {
        int[] counts = new int[3];
        for (int i : indices) {
            counts[CLASSES[i]]++;
        }
        return counts;
    }
}
