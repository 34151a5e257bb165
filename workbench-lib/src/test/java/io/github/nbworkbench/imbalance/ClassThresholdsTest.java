package io.github.nbworkbench.imbalance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.eval.ClassificationReport;
import io.github.nbworkbench.eval.Predictions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

class ClassThresholdsTest {

    private static final List<String> CLASSES = List.of("a", "b", "c");
    private static final INDArray PROBABILITIES = Nd4j.create(new double[][] {
        {0.7, 0.2, 0.1},     // b reaches its threshold exactly (ratio 1): b
        {0.35, 0.1, 0.55},   // c reaches its threshold (ratio 1.1): c
        {0.5, 0.1, 0.4},     // no class reaches its threshold: a, the only class without one
        {0.1, 0.3, 0.6},     // b ratio 1.5 beats c ratio 1.2: b
        {0.05, 0.25, 0.7},   // c ratio 1.4 beats b ratio 1.25: c
        {0.3, 0.3, 0.4},     // b ratio 1.5, c below its threshold: b
    });
    private static final ClassThresholds THRESHOLDS = ClassThresholds.none(CLASSES).with("b", 0.2).with("c", 0.5);

    @Test
    void aPassingClassWinsByTheHighestRatioOtherwiseArgmax() {
        assertArrayEquals(new int[] {1, 2, 0, 1, 2, 1}, THRESHOLDS.predict(PROBABILITIES));
    }

    @Test
    void whenEveryClassHasAThresholdAndNoneIsReachedTheClosestWins() {
        ClassThresholds all = THRESHOLDS.with("a", 0.9);

        // row 3: a 0.5/0.9 = 0.56, b 0.1/0.2 = 0.5, c 0.4/0.5 = 0.8
        assertEquals(2, all.predict(PROBABILITIES)[2]);
    }

    @Test
    void withoutThresholdsItIsArgmax() {
        assertArrayEquals(new int[] {0, 2, 0, 2, 2, 2}, ClassThresholds.none(CLASSES).predict(PROBABILITIES));
    }

    @Test
    void reportIsTheClassificationReportOfTheNewPredictions() {
        INDArray labels = Nd4j.create(new double[][] {{0, 1, 0}, {0, 0, 1}, {1, 0, 0}, {0, 0, 1}, {0, 0, 1}, {0, 1, 0}});
        Predictions predictions = Predictions.of(PROBABILITIES, labels, CLASSES);

        ClassificationReport report = THRESHOLDS.report(predictions);

        // true b, c, a, c, c, b; predicted b, c, a, b, c, b
        assertEquals(1.0, report.recall(1), 1e-12);
        assertEquals(2.0 / 3, report.recall(2), 1e-12);
        assertEquals(5.0 / 6, report.accuracy(), 1e-12);
        assertEquals(4.0 / 6, ClassificationReport.of(predictions).accuracy(), 1e-12, "argmax gets both b wrong");
    }

    @Test
    void bestF1ThresholdComesFromThePrecisionRecallCurve() {
        // the curve of PrecisionRecallCurveTest: the best F1 (0.75) is at threshold 0.6
        double[] scores = {0.4, 0.9, 0.2, 0.7, 0.6, 0.55, 0.8, 0.4};
        boolean[] isCat = {true, true, false, false, true, false, true, false};
        double[][] probabilities = new double[scores.length][];
        double[][] labels = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            probabilities[i] = new double[] {1 - scores[i], scores[i]};
            labels[i] = isCat[i] ? new double[] {0, 1} : new double[] {1, 0};
        }
        Predictions predictions = Predictions.of(Nd4j.create(probabilities), Nd4j.create(labels), List.of("dog", "cat"));

        ClassThresholds best = ClassThresholds.bestF1(predictions, "cat");
        ClassThresholds recall = ClassThresholds.atRecall(predictions, 1.0, "cat");

        assertEquals(0.6, best.threshold("cat"), 1e-12);
        assertTrue(Double.isNaN(best.threshold("dog")));
        assertArrayEquals(new int[] {0, 1, 0, 1, 1, 0, 1, 0}, best.predict(predictions));
        assertEquals(0.75, best.report(predictions).f1(1), 1e-12);
        assertEquals(0.4, recall.threshold("cat"), 1e-12);
    }

    @Test
    void tableShowsMissingForClassesWithoutThreshold() {
        Table table = THRESHOLDS.table();

        assertEquals(List.of("class", "threshold"), table.columnNames());
        assertTrue(table.doubleColumn("threshold").isMissing(0));
        assertEquals(0.2, table.doubleColumn("threshold").get(1));
        assertEquals("0.2000", table.doubleColumn("threshold").getString(1), "printed like toString, not as 0.2 or 0.20000000298");
        assertEquals("ClassThresholds[b=0.2000, c=0.5000]", THRESHOLDS.toString());
    }

    @Test
    void refusesBadThresholdsClassesAndShapes() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> THRESHOLDS.with("a", 0));
        IllegalArgumentException above = assertThrows(IllegalArgumentException.class, () -> THRESHOLDS.with("a", 1.5));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> THRESHOLDS.with("z", 0.5));
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> THRESHOLDS.predict(Nd4j.create(new double[][] {{0.5, 0.5}})));

        assertTrue(zero.getMessage().contains("must be in (0, 1], got 0.0"), zero.getMessage());
        assertTrue(above.getMessage().contains("got 1.5"), above.getMessage());
        assertTrue(unknown.getMessage().contains("No class 'z'"), unknown.getMessage());
        assertTrue(shape.getMessage().contains("Expected probabilities [examples, 3]"), shape.getMessage());
    }
}
