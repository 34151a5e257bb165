package io.github.nbworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

class PrecisionRecallCurveTest {

    // Sorted by score: 0.9 +, 0.8 +, 0.7 -, 0.6 +, 0.55 -, 0.4 + and 0.4 - (a tie), 0.2 -; 4 positives.
    static final double[] SCORES = {0.4, 0.9, 0.2, 0.7, 0.6, 0.55, 0.8, 0.4};
    static final boolean[] POSITIVE = {true, true, false, false, true, false, true, false};
    private static final double EXACT = 1e-12;

    private static final PrecisionRecallCurve CURVE = PrecisionRecallCurve.of(SCORES, POSITIVE, "cat");

    @Test
    void pointsMatchHandComputedCounts() {
        assertArrayEquals(new double[] {0.9, 0.8, 0.7, 0.6, 0.55, 0.4, 0.2}, CURVE.thresholds());
        assertArrayEquals(new double[] {1, 1, 2.0 / 3, 3.0 / 4, 3.0 / 5, 4.0 / 7, 1.0 / 2}, CURVE.precision(), EXACT);
        assertArrayEquals(new double[] {0.25, 0.5, 0.5, 0.75, 0.75, 1, 1}, CURVE.recall(), EXACT);
        assertArrayEquals(new double[] {0.4, 2.0 / 3, 4.0 / 7, 0.75, 2.0 / 3, 8.0 / 11, 2.0 / 3}, CURVE.f1(), EXACT);
    }

    @Test
    void averagePrecisionIsPrecisionTimesRecallGained() {
        // 0.25 * 1 + 0.25 * 1 + 0.25 * 3/4 + 0.25 * 4/7
        assertEquals(93.0 / 112, CURVE.averagePrecision(), EXACT);
    }

    @Test
    void bestF1AndTargetRecallPickTheRightThresholds() {
        assertEquals(new OperatingPoint("cat", 0.6, 0.75, 0.75, 0.75), CURVE.bestF1());
        assertEquals(0.6, CURVE.atRecall(0.7).threshold());
        assertEquals(0.8, CURVE.atRecall(0.5).threshold());
        assertEquals(new OperatingPoint("cat", 0.4, 4.0 / 7, 1, 8.0 / 11), CURVE.atRecall(1.0));
        assertThrows(IllegalArgumentException.class, () -> CURVE.atRecall(0));
        assertThrows(IllegalArgumentException.class, () -> CURVE.atRecall(1.5));
    }

    @Test
    void tableHasOneRowPerThreshold() {
        Table table = CURVE.table();

        assertEquals(List.of("threshold", "precision", "recall", "f1"), table.columnNames());
        assertEquals(7, table.rowCount());
        assertEquals(0.55, table.doubleColumn("threshold").get(4));
        assertEquals(0.6, table.doubleColumn("precision").get(4), EXACT);
        assertTrue(table.name().contains("'cat'") && table.name().contains("0.8304"), table.name());
    }

    @Test
    void oneVsRestFromPredictionsUsesTheClassColumn() {
        // class 1 has probability SCORES[i] and is the true class where POSITIVE[i]
        float[][] probabilities = new float[SCORES.length][2];
        float[][] labels = new float[SCORES.length][2];
        for (int i = 0; i < SCORES.length; i++) {
            probabilities[i] = new float[] {1 - (float) SCORES[i], (float) SCORES[i]};
            labels[i][POSITIVE[i] ? 1 : 0] = 1;
        }
        Predictions predictions = Predictions.of(Nd4j.create(probabilities), Nd4j.create(labels), List.of("dog", "cat"));

        PrecisionRecallCurve cat = PrecisionRecallCurve.of(predictions, "cat");

        assertArrayEquals(CURVE.recall(), cat.recall(), EXACT);
        assertArrayEquals(CURVE.precision(), cat.precision(), EXACT);
        assertEquals(List.of("dog", "cat"),
                PrecisionRecallCurve.forClasses(predictions).stream().map(PrecisionRecallCurve::className).toList());
    }

    @Test
    void refusesAClassWithoutExamplesAndMismatchedInput() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> PrecisionRecallCurve.of(new double[] {0.1, 0.2}, new boolean[] {false, false}, "bird"));
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> PrecisionRecallCurve.of(new double[] {0.1}, new boolean[] {true, false}, "bird"));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> PrecisionRecallCurve.of(new double[] {Double.NaN, 0.2}, new boolean[] {true, false}, "bird"));

        assertTrue(none.getMessage().contains("'bird' has no examples"), none.getMessage());
        assertTrue(lengths.getMessage().contains("1 scores and 2 labels"), lengths.getMessage());
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
    }
}
