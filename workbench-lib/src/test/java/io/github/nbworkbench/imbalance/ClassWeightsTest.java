package io.github.nbworkbench.imbalance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;

class ClassWeightsTest {

    private static final List<String> ANIMALS = List.of("cat", "dog", "bird");

    @Test
    void balancedIsNOverKTimesCount() {
        // 10 examples, 3 classes, counts 6, 3, 1
        ClassWeights weights = ClassWeights.balanced(new int[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 2}, ANIMALS);

        assertArrayEquals(new double[] {10.0 / 18, 10.0 / 9, 10.0 / 3}, weights.values(), 1e-12);
        assertEquals(10.0 / 3, weights.weight("bird"), 1e-12);
    }

    @Test
    void balancedDataGetsWeightOne() {
        assertArrayEquals(new double[] {1, 1, 1}, ClassWeights.balanced(new int[] {0, 1, 2, 2, 1, 0}, ANIMALS).values(), 1e-12);
    }

    @Test
    void everyClassCarriesTheSameTotalWeight() {
        int[] classes = {0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2};
        ClassDistribution distribution = ClassDistribution.of(classes, ANIMALS);
        ClassWeights weights = ClassWeights.balanced(distribution);

        for (int c = 0; c < 3; c++) {
            assertEquals(12.0 / 3, weights.weight(c) * distribution.count(c), 1e-12);
        }
    }

    @Test
    void aClassWithoutExamplesIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ClassWeights.balanced(new int[] {0, 0, 1}, ANIMALS));

        assertTrue(error.getMessage().startsWith("class 'bird' has no examples; its weight would be infinite: 3 / (3 * 0)"),
                error.getMessage());
    }

    @Test
    void explicitWeightsAreChecked() {
        ClassWeights weights = ClassWeights.of(ANIMALS, 1, 2, 5);
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> ClassWeights.of(ANIMALS, 1, 2));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> ClassWeights.of(ANIMALS, 1, -2, 1));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> ClassWeights.of(ANIMALS, 1, 1, Double.NaN));

        assertEquals(5.0, weights.weight("bird"));
        assertTrue(count.getMessage().contains("Got 2 weights [1.0, 2.0] for 3 classes"), count.getMessage());
        assertTrue(negative.getMessage().contains("class 'dog' is -2.0"), negative.getMessage());
        assertTrue(nan.getMessage().contains("class 'bird' is NaN"), nan.getMessage());
    }

    @Test
    void arrayIsARowVectorAndTableListsEveryClass() {
        ClassWeights weights = ClassWeights.of(ANIMALS, 1, 2, 5);
        INDArray array = weights.toINDArray(DataType.FLOAT);
        Table table = weights.table();

        assertArrayEquals(new long[] {1, 3}, array.shape());
        assertEquals(DataType.FLOAT, array.dataType());
        assertArrayEquals(new float[] {1, 2, 5}, array.toFloatVector());
        assertEquals(ANIMALS, table.stringColumn("class").asList());
        assertEquals(List.of(1.0, 2.0, 5.0), table.doubleColumn("weight").asList());
    }
}
