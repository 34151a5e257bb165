package io.github.nbworkbench.imbalance;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.testdata.RequiresDataset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

class ClassDistributionTest {

    private static final List<String> ANIMALS = List.of("cat", "dog", "bird");

    @Test
    void countsSharesAndRatioFromClassIndices() {
        ClassDistribution distribution = ClassDistribution.of(new int[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 2}, ANIMALS);

        assertArrayEquals(new int[] {6, 3, 1}, distribution.counts());
        assertArrayEquals(new double[] {0.6, 0.3, 0.1}, distribution.shares(), 1e-12);
        assertEquals(10, distribution.total());
        assertEquals(6.0, distribution.imbalanceRatio());
        assertEquals(3, distribution.count("dog"));
    }

    @Test
    void tableHasClassCountShare() {
        Table table = ClassDistribution.of(new int[] {0, 0, 0, 1}, ANIMALS).table();

        assertEquals(List.of("class", "count", "share"), table.columnNames());
        assertEquals(ANIMALS, table.stringColumn("class").asList());
        assertEquals(List.of(3, 1, 0), table.intColumn("count").asList());
        assertEquals(0.75, table.doubleColumn("share").get(0), 1e-12);
        assertTrue(table.print().contains("75.0%"), table.print());
        assertTrue(table.name().contains("4 examples, imbalance ratio Infinity"), table.name());
    }

    @Test
    void oneHotLabelsGiveTheSameCounts() {
        float[][] oneHot = {{0, 1, 0}, {0, 1, 0}, {1, 0, 0}, {0, 0, 1}};
        assertArrayEquals(new int[] {1, 2, 1}, ClassDistribution.of(Nd4j.create(oneHot), ANIMALS).counts());
        assertThrows(IllegalArgumentException.class, () -> ClassDistribution.of(Nd4j.create(oneHot), List.of("a", "b")));
    }

    @Test
    void refusesBadInput() {
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> ClassDistribution.of(new int[] {0, 3}, ANIMALS));
        IllegalArgumentException regression = assertThrows(IllegalArgumentException.class,
                () -> ClassDistribution.of(LabeledDataset.regression(Nd4j.zeros(2, 1), Nd4j.zeros(2, 1))));

        assertTrue(outside.getMessage().contains("class index 3 is outside 0..2"), outside.getMessage());
        assertTrue(regression.getMessage().contains("regression"), regression.getMessage());
    }

    @RequiresDataset(FASHION_MNIST)
    @Test
    void fashionMnistTestSetIsBalanced() {
        ClassDistribution distribution = ClassDistribution.of(FashionMnist.load().test());

        assertEquals(10_000, distribution.total());
        assertEquals(1.0, distribution.imbalanceRatio());
        assertEquals(1000, distribution.count("Shirt"));
    }
}
