package io.github.nbworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class RocCurveTest {

    private static final double EXACT = 1e-12;
    private static final RocCurve CURVE = RocCurve.of(PrecisionRecallCurveTest.SCORES, PrecisionRecallCurveTest.POSITIVE, "cat");

    @Test
    void pointsMatchHandComputedRates() {
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.9, 0.8, 0.7, 0.6, 0.55, 0.4, 0.2}, CURVE.thresholds());
        assertArrayEquals(new double[] {0, 0, 0, 0.25, 0.25, 0.5, 0.75, 1}, CURVE.fpr(), EXACT);
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.5, 0.75, 0.75, 1, 1}, CURVE.tpr(), EXACT);
    }

    @Test
    void aucIsTheChanceAPositiveOutscoresANegative() {
        // of the 16 (positive, negative) pairs 12 are ordered right and one is a tie (0.4, 0.4): 12.5 / 16
        assertEquals(25.0 / 32, CURVE.auc(), EXACT);
    }

    @Test
    void perfectAndReversedRankings() {
        boolean[] positive = {true, true, false, false};
        assertEquals(1.0, RocCurve.of(new double[] {0.9, 0.8, 0.2, 0.1}, positive, "a").auc(), EXACT);
        assertEquals(0.0, RocCurve.of(new double[] {0.1, 0.2, 0.8, 0.9}, positive, "a").auc(), EXACT);
        assertEquals(0.5, RocCurve.of(new double[] {0.5, 0.5, 0.5, 0.5}, positive, "a").auc(), EXACT);
    }

    @Test
    void tableStartsAtTheOrigin() {
        Table table = CURVE.table();

        assertEquals(List.of("threshold", "fpr", "tpr"), table.columnNames());
        assertEquals(8, table.rowCount());
        assertEquals(Double.POSITIVE_INFINITY, table.doubleColumn("threshold").get(0));
        assertTrue(table.name().contains("AUC 0.7813"), table.name());
    }

    @Test
    void refusesAllPositiveOrAllNegativeExamples() {
        IllegalArgumentException allPositive = assertThrows(IllegalArgumentException.class,
                () -> RocCurve.of(new double[] {0.1, 0.2}, new boolean[] {true, true}, "bird"));
        IllegalArgumentException allNegative = assertThrows(IllegalArgumentException.class,
                () -> RocCurve.of(new double[] {0.1, 0.2}, new boolean[] {false, false}, "bird"));

        assertTrue(allPositive.getMessage().contains("Every example belongs to class 'bird'"), allPositive.getMessage());
        assertTrue(allNegative.getMessage().contains("'bird' has no examples"), allNegative.getMessage());
    }
}
