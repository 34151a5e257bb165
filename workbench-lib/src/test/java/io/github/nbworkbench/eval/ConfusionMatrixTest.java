package io.github.nbworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

class ConfusionMatrixTest {

    private static final List<String> ANIMALS = List.of("cat", "dog", "bird");
    private static final int[] ACTUAL = {0, 0, 0, 1, 1, 2, 2, 2, 2, 0};
    private static final int[] PREDICTED = {0, 1, 0, 1, 1, 2, 0, 2, 1, 0};

    @Test
    void countsTrueClassesByRowAndPredictedByColumn() {
        ConfusionMatrix matrix = ConfusionMatrix.of(ACTUAL, PREDICTED, ANIMALS);

        assertArrayEquals(new int[][] {{3, 1, 0}, {0, 2, 0}, {1, 1, 2}}, matrix.counts());
        assertEquals(10, matrix.total());
        assertEquals(7, matrix.correct());
        assertEquals(4, matrix.actualCount(2));
        assertEquals(4, matrix.predictedCount(1));
    }

    @Test
    void tableNamesRowsAndColumnsByClass() {
        Table table = ConfusionMatrix.of(ACTUAL, PREDICTED, ANIMALS).table();

        assertEquals(List.of(ConfusionMatrix.TRUE_CLASS_COLUMN, "cat", "dog", "bird"), table.columnNames());
        assertEquals(ANIMALS, table.stringColumn(0).asList());
        assertEquals(List.of(1, 2, 1), table.intColumn("dog").asList());
    }

    @Test
    void normalizedRowsSumToOneAndEmptyRowsStayZero() {
        ConfusionMatrix matrix = ConfusionMatrix.of(new int[] {0, 0, 0, 0}, new int[] {0, 1, 1, 1}, List.of("a", "b"));

        assertArrayEquals(new double[] {0.25, 0.75}, matrix.normalizedByRow()[0], 1e-12);
        assertArrayEquals(new double[] {0, 0}, matrix.normalizedByRow()[1], 1e-12);
        assertEquals(0.75, matrix.normalizedTable().doubleColumn("b").get(0), 1e-12);
    }

    @Test
    void fromPredictionsUsesArgmax() {
        Predictions predictions = Predictions.of(
                Nd4j.create(new double[][] {{0.9, 0.1}, {0.4, 0.6}, {0.2, 0.8}}),
                Nd4j.create(new double[][] {{1, 0}, {1, 0}, {0, 1}}));

        assertArrayEquals(new int[][] {{1, 1}, {0, 1}}, ConfusionMatrix.of(predictions).counts());
        assertEquals(List.of("0", "1"), predictions.classNames());
    }

    @Test
    void explainsAClassIndexOutOfRange() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[] {0, 3}, new int[] {0, 0}, ANIMALS));

        assertTrue(error.getMessage().contains("actual[1] = 3"), error.getMessage());
        assertTrue(error.getMessage().contains("3 classes"), error.getMessage());
    }

    @Test
    void explainsMismatchedLengthsAndNames() {
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[] {0}, new int[] {0, 1}, ANIMALS));
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[] {0}, new int[] {0}, List.of("a", "a")));
        assertTrue(duplicate.getMessage().contains("unique"), duplicate.getMessage());
    }

    @Test
    void predictionsExplainWrongShapes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Predictions.of(Nd4j.zeros(4, 3), Nd4j.zeros(4, 2)));

        assertTrue(error.getMessage().contains("[4, 3]") && error.getMessage().contains("[4, 2]"), error.getMessage());
    }
}
