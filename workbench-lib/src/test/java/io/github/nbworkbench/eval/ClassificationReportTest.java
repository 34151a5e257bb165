package io.github.nbworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

class ClassificationReportTest {

    private static final List<String> ANIMALS = List.of("cat", "dog", "bird");
    // Confusion matrix (rows true, columns predicted): [3 1 0] [0 2 0] [1 1 2]
    private static final int[] ACTUAL = {0, 0, 0, 1, 1, 2, 2, 2, 2, 0};
    private static final int[] PREDICTED = {0, 1, 0, 1, 1, 2, 0, 2, 1, 0};
    private static final double EXACT = 1e-12;

    @Test
    void perClassMetricsMatchHandComputedValues() {
        ClassificationReport report = ClassificationReport.of(ACTUAL, PREDICTED, ANIMALS);

        assertEquals(0.75, report.precision(0), EXACT);
        assertEquals(0.5, report.precision(1), EXACT);
        assertEquals(1.0, report.precision(2), EXACT);
        assertEquals(0.75, report.recall(0), EXACT);
        assertEquals(1.0, report.recall(1), EXACT);
        assertEquals(0.5, report.recall(2), EXACT);
        assertEquals(0.75, report.f1(0), EXACT);
        assertEquals(2.0 / 3, report.f1(1), EXACT);
        assertEquals(2.0 / 3, report.f1(2), EXACT);
        assertEquals(4, report.support(0));
        assertEquals(2, report.support(1));
        assertEquals(4, report.support(2));
    }

    @Test
    void averagesAndAccuracyMatchHandComputedValues() {
        ClassificationReport report = ClassificationReport.of(ACTUAL, PREDICTED, ANIMALS);

        assertEquals(0.7, report.accuracy(), EXACT);
        assertEquals(0.75, report.macroPrecision(), EXACT);
        assertEquals(0.75, report.macroRecall(), EXACT);
        assertEquals((0.75 + 4.0 / 3) / 3, report.macroF1(), EXACT);
        assertEquals(0.8, report.weightedPrecision(), EXACT);
        assertEquals(0.7, report.weightedRecall(), EXACT);
        assertEquals(0.7, report.weightedF1(), EXACT);
    }

    @Test
    void tableHasOneRowPerClassThenAveragesThenAccuracy() {
        Table table = ClassificationReport.of(ACTUAL, PREDICTED, ANIMALS).table();

        assertEquals(List.of("class", "precision", "recall", "f1", "support"), table.columnNames());
        assertEquals(List.of("cat", "dog", "bird", "macro avg", "weighted avg", "accuracy"),
                table.stringColumn("class").asList());
        assertEquals(0.5, table.doubleColumn("precision").get(1), EXACT);
        assertEquals(0.8, table.doubleColumn("precision").get(4), EXACT);
        assertEquals(0.7, table.doubleColumn("f1").get(5), EXACT);
        assertTrue(table.doubleColumn("precision").isMissing(5));
        assertTrue(table.doubleColumn("recall").isMissing(5));
        assertEquals(List.of(4, 2, 4, 10, 10, 10), table.intColumn("support").asList());
        assertTrue(table.name().contains("accuracy 0.7000"), table.name());
    }

    @Test
    void tablePrintsFourDecimalsAndKeepsExactValues() {
        Table table = ClassificationReport.of(ACTUAL, PREDICTED, ANIMALS).table();

        assertTrue(table.print().contains("0.6667"), table.print());
        assertEquals(2.0 / 3, table.doubleColumn("f1").get(1), EXACT);
    }

    @Test
    void neverPredictedClassHasPrecisionZeroAndEmptyClassHasRecallZero() {
        // class 1 has support but is never predicted; class 2 has neither examples nor predictions
        ClassificationReport report = ClassificationReport.of(new int[] {0, 1, 1}, new int[] {0, 0, 0},
                List.of("a", "b", "c"));

        assertEquals(1.0 / 3, report.precision(0), EXACT);
        assertEquals(0.5, report.f1(0), EXACT);
        assertEquals(0, report.precision(1));
        assertEquals(0, report.recall(1));
        assertEquals(0, report.f1(1));
        assertEquals(0, report.precision(2));
        assertEquals(0, report.recall(2));
        assertEquals(0, report.support(2));
        assertEquals((1.0 / 3) / 3, report.macroPrecision(), EXACT);
        assertEquals((1.0 / 3) / 3, report.weightedPrecision(), EXACT);
    }

    @Test
    void emptyInputGivesZerosNotNaN() {
        ClassificationReport report = ClassificationReport.of(new int[0], new int[0], List.of("a", "b"));

        assertEquals(0, report.accuracy());
        assertEquals(0, report.weightedF1());
        assertEquals(0, report.macroF1());
    }

    @Test
    void agreesWithDl4jEvaluationOnRandomPredictions() {
        int examples = 500;
        int classes = 5;
        Random random = new Random(42);
        double[][] probabilities = new double[examples][classes];
        double[][] labels = new double[examples][classes];
        for (int i = 0; i < examples; i++) {
            for (int c = 0; c < classes; c++) {
                probabilities[i][c] = random.nextDouble();
            }
            labels[i][random.nextInt(classes)] = 1;
        }
        INDArray output = Nd4j.create(probabilities).castTo(DataType.FLOAT);
        INDArray oneHot = Nd4j.create(labels).castTo(DataType.FLOAT);

        ClassificationReport report = ClassificationReport.of(output, oneHot, null);
        Evaluation dl4j = new Evaluation(classes);
        dl4j.eval(oneHot, output);

        for (int c = 0; c < classes; c++) {
            assertTrue(report.confusionMatrix().predictedCount(c) > 0, "every class should be predicted");
            assertEquals(dl4j.precision(c), report.precision(c), 1e-9, "precision of class " + c);
            assertEquals(dl4j.recall(c), report.recall(c), 1e-9, "recall of class " + c);
            assertEquals(dl4j.f1(c), report.f1(c), 1e-9, "f1 of class " + c);
        }
        assertEquals(dl4j.accuracy(), report.accuracy(), 1e-9);
    }

    @Test
    void textFormLooksLikeScikitLearns() {
        String text = ClassificationReport.of(ACTUAL, PREDICTED, ANIMALS).toString();

        assertTrue(text.contains("precision"), text);
        assertTrue(text.contains("weighted avg"), text);
        assertTrue(text.contains("0.7000"), text);
    }
}
