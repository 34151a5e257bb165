package io.github.nbworkbench.diagnose;

import static io.github.nbworkbench.diagnose.TrainingProblem.DEAD_RELU_UNITS;
import static io.github.nbworkbench.diagnose.TrainingProblem.EXPLODING_GRADIENTS;
import static io.github.nbworkbench.diagnose.TrainingProblem.LEARNING_RATE_TOO_HIGH;
import static io.github.nbworkbench.diagnose.TrainingProblem.LEARNING_RATE_TOO_LOW;
import static io.github.nbworkbench.diagnose.TrainingProblem.OVERFITTING;
import static io.github.nbworkbench.diagnose.TrainingProblem.PLATEAU;
import static io.github.nbworkbench.diagnose.TrainingProblem.UNDERFITTING;
import static io.github.nbworkbench.diagnose.TrainingProblem.VANISHING_GRADIENTS;
import static io.github.nbworkbench.testdata.Dataset.SKLEARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.TrainingData;
import io.github.nbworkbench.train.Callback;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Metric;
import io.github.nbworkbench.train.Mode;
import io.github.nbworkbench.train.StepDecay;
import io.github.nbworkbench.testdata.RequiresDataset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;

/** Each diagnosis on a real run on the digits made to have that problem, and a healthy run with none. */
@RequiresDataset(SKLEARN)
class TrainingDoctorTest {

    private record Run(History history, TrainingStatistics statistics, TrainingDoctor doctor) {

        static Run of(MultiLayerNetwork net, TrainingData data, int epochs, int batch, Callback... more) {
            TrainingStatistics statistics = TrainingStatistics.everyBatches(5);
            List<Callback> callbacks = new ArrayList<>(List.of(more));
            callbacks.add(statistics);
            History history = DigitsRuns.fit(net, data, epochs, batch, callbacks.toArray(Callback[]::new));
            TrainingDoctor doctor = TrainingDoctor.of(history).with(statistics);
            System.out.println(history.print() + "\n" + doctor);
            return new Run(history, statistics, doctor);
        }

        Set<TrainingProblem> problems() {
            return doctor.diagnoses().stream().map(Diagnosis::problem).collect(Collectors.toCollection(() -> EnumSet.noneOf(TrainingProblem.class)));
        }

        String evidence(TrainingProblem problem) {
            return doctor.diagnoses().stream().filter(d -> d.problem() == problem).findFirst().orElseThrow().evidence();
        }

        List<LayerFigures> layers() {
            return LayerFigures.of(statistics.samples());
        }
    }

    @Test
    void aHealthyRunHasNoProblem() {
        Run run = Run.of(DigitsRuns.reluMlp(new Adam(3e-3), 64), DigitsRuns.digits(600, 300), 5, 16);

        assertEquals(Set.of(), run.problems());
        double lastAccuracy = run.history().value(Metric.ACCURACY.name(), 5);
        assertTrue(lastAccuracy > 0.95, "training accuracy " + lastAccuracy);
        assertTrue(run.doctor().toMarkdown().contains("No problem found".toLowerCase()), run.doctor().toMarkdown());
        assertEquals(List.of(TrainingDoctor.NO_PROBLEM), run.doctor().table().stringColumn(TrainingDoctor.PROBLEM).asList());
    }

    @Test
    void aFarTooHighLearningRateDiverges() {
        Run run = Run.of(DigitsRuns.reluMlp(new Sgd(5), 64), DigitsRuns.digits(600, 300), 4, 32);

        // the gradients explode too, as a consequence of the steps: both are said, the learning rate first
        assertEquals(EnumSet.of(LEARNING_RATE_TOO_HIGH, EXPLODING_GRADIENTS), run.problems());
        assertEquals(LEARNING_RATE_TOO_HIGH, run.doctor().diagnoses().get(0).problem());
        assertTrue(run.evidence(LEARNING_RATE_TOO_HIGH).startsWith("The loss became NaN in epoch"), run.evidence(LEARNING_RATE_TOO_HIGH));
        assertTrue(LayerFigures.fastest(run.layers()).medianUpdateRatio() > LayerChecks.HIGH_UPDATE_RATIO);
    }

    @Test
    void aTinyLearningRateLeavesTheLossFlat() {
        Run run = Run.of(DigitsRuns.reluMlp(new Adam(1e-7), 64), DigitsRuns.digits(600, 300), 2, 32);

        assertEquals(EnumSet.of(LEARNING_RATE_TOO_LOW), run.problems());
        assertTrue(LayerFigures.fastest(run.layers()).medianUpdateRatio() < LayerChecks.LOW_UPDATE_RATIO);
        assertTrue(run.evidence(LEARNING_RATE_TOO_LOW).contains("at learning rate 1E-7"), run.evidence(LEARNING_RATE_TOO_LOW));
    }

    @Test
    void aDeepSigmoidNetworkTrainedWithSgdHasVanishingGradients() {
        int[] eightLayers = {32, 32, 32, 32, 32, 32, 32, 32};
        MultiLayerNetwork deepSigmoid = DigitsRuns.mlp(new Sgd(0.1), Activation.SIGMOID, DigitsRuns.XAVIER_INIT, 0, 0, eightLayers);
        Run run = Run.of(deepSigmoid, DigitsRuns.digits(600, 300), 2, 32);

        assertEquals(EnumSet.of(VANISHING_GRADIENTS), run.problems());
        List<LayerFigures> layers = run.layers();
        double ratio = layers.get(layers.size() - 1).medianGradient() / layers.get(0).medianGradient();
        assertTrue(ratio > 1e3, "output layer's gradient / first layer's: " + ratio);
        assertTrue(run.evidence(VANISHING_GRADIENTS).contains("layer 0 (DenseLayer)"), run.evidence(VANISHING_GRADIENTS));
    }

    @Test
    void aWideInitialisationWithoutNormalisationExplodesTheGradients() {
        var wide = new WeightInitDistribution(new NormalDistribution(0, 1));
        Run run = Run.of(DigitsRuns.mlp(new Adam(1e-3), Activation.RELU, wide, 0, 0, 64, 64, 64, 64), DigitsRuns.digits(600, 300), 2, 32);

        assertEquals(EnumSet.of(EXPLODING_GRADIENTS), run.problems());
        assertTrue(run.layers().stream().allMatch(layer -> layer.firstGradient() > LayerChecks.EXPLODING_NORM),
                "already at the first step: " + run.layers());
    }

    @Test
    void aLargeNegativeBiasKillsTheReluUnits() {
        Run run = Run.of(DigitsRuns.mlp(new Adam(1e-3), Activation.RELU, DigitsRuns.RELU_INIT, -3, 0, 64, 64), DigitsRuns.digits(600, 300), 2, 32);

        assertEquals(EnumSet.of(DEAD_RELU_UNITS), run.problems());
        assertEquals(1.0, run.layers().get(1).deadShare(), "the second hidden layer, fed by the first's few live units");
        assertTrue(run.evidence(DEAD_RELU_UNITS).contains("layer 1 (DenseLayer) 100% of its units"), run.evidence(DEAD_RELU_UNITS));
    }

    @Test
    void aBigModelOnATinyTrainingSetOverfits() {
        Run run = Run.of(DigitsRuns.reluMlp(new Adam(1e-2), 256, 256), DigitsRuns.digits(100, 200), 10, 20);

        assertEquals(EnumSet.of(OVERFITTING), run.problems());
        int best = run.history().bestEpoch(History.VALIDATION_LOSS, Mode.MIN);
        assertTrue(run.evidence(OVERFITTING).contains("from epoch " + (best + 1) + " on"), run.evidence(OVERFITTING));
        assertEquals(1.0, run.history().value(Metric.ACCURACY.name(), 10), "every training example learned");
    }

    @Test
    void aTinyHeavilyRegularisedModelUnderfits() {
        Run run = Run.of(DigitsRuns.mlp(new Adam(1e-2), Activation.RELU, DigitsRuns.RELU_INIT, 0, 0.05, 4), DigitsRuns.digits(600, 300), 6, 16);

        assertEquals(EnumSet.of(UNDERFITTING), run.problems());
        double training = run.history().value(Metric.ACCURACY.name(), 6);
        double validation = run.history().value(History.validation(Metric.ACCURACY.name()), 6);
        assertTrue(training < CurveChecks.POOR_ACCURACY && Math.abs(training - validation) < CurveChecks.CLOSE_GAP,
                training + " against " + validation);
        assertTrue(run.evidence(UNDERFITTING).contains("does not fit even the data it sees"), run.evidence(UNDERFITTING));
    }

    @Test
    void aScheduleThatLowersTheLearningRateTooSoonStallsOnAPlateau() {
        Run run = Run.of(DigitsRuns.reluMlp(new Adam(1e-2), 64), DigitsRuns.digits(600, 300), 6, 16, new StepDecay(1e-2, 1e-3, 2));

        assertEquals(EnumSet.of(PLATEAU), run.problems());
        assertTrue(run.evidence(PLATEAU).contains("the learning rate fell from 0.01 to"), run.evidence(PLATEAU));
    }
}
