package io.github.nbworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

class TopLossesTest {

    private static final List<String> NAMES = List.of("a", "b", "c");
    private static final INDArray PROBABILITIES = Nd4j.create(new double[][] {
            {0.7, 0.2, 0.1}, {0.1, 0.8, 0.1}, {0.6, 0.3, 0.1}, {0.2, 0.2, 0.6}});
    private static final INDArray LABELS = Nd4j.create(new double[][] {
            {1, 0, 0}, {0, 0, 1}, {0, 1, 0}, {0, 0, 1}});

    @Test
    void ranksExamplesByCrossEntropy() {
        TopLosses top = TopLosses.of(PROBABILITIES, LABELS, NAMES, 2);

        assertArrayEquals(new int[] {1, 2}, top.indices());
        assertArrayEquals(new double[] {-Math.log(0.1), -Math.log(0.3)}, top.losses(), 1e-12);
        assertArrayEquals(new int[] {2, 1}, top.actual());
        assertArrayEquals(new int[] {1, 0}, top.predicted());
    }

    @Test
    void tableNamesTheClassesAndTheTrueClassProbability() {
        Table table = TopLosses.of(PROBABILITIES, LABELS, NAMES, 2).table();

        assertEquals(List.of("index", "true", "predicted", "loss", "p_true"), table.columnNames());
        assertEquals(List.of("c", "b"), table.stringColumn("true").asList());
        assertEquals(List.of("b", "a"), table.stringColumn("predicted").asList());
        assertEquals(0.1, table.doubleColumn("p_true").get(0), 1e-12);
        assertEquals(0.3, table.doubleColumn("p_true").get(1), 1e-12);
    }

    @Test
    void zeroProbabilityGivesAFiniteLossAndNLargerThanTheDataIsFine() {
        TopLosses top = TopLosses.of(Nd4j.create(new double[][] {{1, 0}, {0.5, 0.5}}),
                Nd4j.create(new double[][] {{0, 1}, {1, 0}}), List.of("x", "y"), 10);

        assertArrayEquals(new int[] {0, 1}, top.indices());
        assertEquals(-Math.log(TopLosses.MIN_PROBABILITY), top.losses()[0], 1e-9);
    }
}
