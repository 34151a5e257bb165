package io.github.nbworkbench.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Metric;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The doctor's reading of a History alone, on histories written by hand (the real runs are in TrainingDoctorTest). */
class TrainingDoctorHistoryTest {

    private static final String ACCURACY = Metric.ACCURACY.name();
    private static final String VALIDATION_ACCURACY = History.validation(ACCURACY);

    /** Rows of {loss, val_loss, accuracy, val_accuracy}, epochs from 1. */
    private static History history(double[]... rows) {
        History history = History.of(List.of(ACCURACY), true);
        for (int i = 0; i < rows.length; i++) {
            history.append(i + 1, Map.of(History.LOSS, rows[i][0], History.VALIDATION_LOSS, rows[i][1], ACCURACY, rows[i][2],
                    VALIDATION_ACCURACY, rows[i][3], History.LEARNING_RATE, 1e-3));
        }
        return history;
    }

    private static List<TrainingProblem> problems(History history) {
        return TrainingDoctor.of(history).diagnoses().stream().map(Diagnosis::problem).toList();
    }

    @Test
    void overfittingSaysFromWhichEpoch() {
        History history = history(new double[] {1.0, 0.8, 0.7, 0.7}, new double[] {0.5, 0.6, 0.85, 0.82},
                new double[] {0.3, 0.7, 0.92, 0.8}, new double[] {0.2, 0.8, 0.96, 0.79}, new double[] {0.1, 0.9, 0.99, 0.79});

        List<Diagnosis> diagnoses = TrainingDoctor.of(history).diagnoses();

        assertEquals(List.of(TrainingProblem.OVERFITTING), diagnoses.stream().map(Diagnosis::problem).toList());
        String evidence = diagnoses.get(0).evidence();
        assertTrue(evidence.contains("lowest in epoch 2 (0.6) and rose to 0.9 by epoch 5 (+50%)"), evidence);
        assertTrue(evidence.contains("from epoch 3 on"), evidence);
    }

    @Test
    void aLossThatGoesBackUpTwiceIsALearningRateTooHigh() {
        History history = history(new double[] {1.0, 0.9, 0.7, 0.7}, new double[] {0.6, 0.7, 0.8, 0.8},
                new double[] {0.9, 0.9, 0.72, 0.72}, new double[] {0.5, 0.6, 0.86, 0.85}, new double[] {0.7, 0.7, 0.8, 0.8});

        List<Diagnosis> diagnoses = TrainingDoctor.of(history).diagnoses();

        assertEquals(TrainingProblem.LEARNING_RATE_TOO_HIGH, diagnoses.get(0).problem());
        assertEquals("The training loss went up again 2 times, in epochs [3, 5]. The learning rate was 0.001.", diagnoses.get(0).evidence());
    }

    @Test
    void smallBouncesOfALossNearItsFloorAreNoiseNotALearningRateTooHigh() {
        double[] losses = {0.34, 0.26, 0.22, 0.19, 0.21, 0.18, 0.16, 0.18, 0.15, 0.17, 0.15, 0.14};
        History history = History.of(List.of(), true);
        for (int i = 0; i < losses.length; i++) {
            history.append(i + 1, Map.of(History.LOSS, losses[i], History.VALIDATION_LOSS, 0.5, History.LEARNING_RATE, 1e-3));
        }

        assertTrue(problems(history).isEmpty(), "rises of 0.02-0.03 after a gain of 0.15-0.19 called " + problems(history));
    }

    @Test
    void withoutStatisticsAFlatLossIsBlamedOnTheLearningRateAndTheAdviceSaysHowToTell() {
        History history = history(new double[] {2.30, 2.30, 0.1, 0.1}, new double[] {2.29, 2.30, 0.1, 0.1}, new double[] {2.29, 2.29, 0.11, 0.1});

        Diagnosis diagnosis = TrainingDoctor.of(history).diagnoses().get(0);

        assertEquals(TrainingProblem.LEARNING_RATE_TOO_LOW, diagnosis.problem());
        assertTrue(diagnosis.evidence().contains("changed by less than 1% in 3 epochs (2.3 to 2.29) at learning rate 0.001"), diagnosis.evidence());
        assertTrue(diagnosis.advice().contains("TrainingStatistics.everyBatches(10)"), diagnosis.advice());
        assertEquals(List.of(TrainingProblem.LEARNING_RATE_TOO_LOW), problems(history), "a flat loss is not also underfitting");
    }

    @Test
    void aHealthyHistorySaysWhatWasNotChecked() {
        History history = History.of(List.of(), false);
        history.append(1, Map.of(History.LOSS, 1.0));
        history.append(2, Map.of(History.LOSS, 0.5));
        history.append(3, Map.of(History.LOSS, 0.3));

        TrainingDoctor doctor = TrainingDoctor.of(history);
        Table table = doctor.table();

        assertEquals(List.of(), doctor.diagnoses());
        assertEquals(List.of(TrainingDoctor.PROBLEM, TrainingDoctor.EVIDENCE, TrainingDoctor.ADVICE), table.columnNames());
        String evidence = table.stringColumn(TrainingDoctor.EVIDENCE).get(0);
        assertTrue(evidence.contains("training loss 1 to 0.3"), evidence);
        assertTrue(evidence.contains("Not checked: overfitting (no val_loss"), evidence);
        assertTrue(evidence.contains("Gradients and dead units were not checked"), evidence);
        assertTrue(doctor.toString().startsWith("### Training doctor: no problem found"), doctor.toString());
    }

    @Test
    void oneEpochIsTooFewToJudgeTheTrendAndTheDoctorSaysSo() {
        // measured on scikit-learn's breast cancer data, one epoch of a 16-unit MLP: training accuracy is the mean over the
        // epoch's batches while the model learned, validation accuracy is measured after it
        History history = history(new double[] {0.9815, 0.7, 0.6341, 0.8471});

        TrainingDoctor doctor = TrainingDoctor.of(history);
        String evidence = doctor.table().stringColumn(TrainingDoctor.EVIDENCE).get(0);

        assertEquals(List.of(), doctor.diagnoses(), "no underfitting from one epoch's training accuracy");
        assertTrue(evidence.startsWith("In 1 epoch: training loss 0.9815, validation loss 0.7;"), evidence);
        assertTrue(evidence.contains("Not checked: the learning rate and underfitting (they read how the loss changes from epoch to epoch:"
                + " train 2 epochs or more); overfitting (validation loss rising 2 epochs after its best: train 3 epochs or more);"
                + " a plateau"), evidence);
    }

    @Test
    void anEmptyHistoryIsRefused() {
        String message = assertThrows(IllegalArgumentException.class, () -> TrainingDoctor.of(History.of(List.of(), true))).getMessage();

        assertTrue(message.contains("records no epoch"), message);
    }
}
