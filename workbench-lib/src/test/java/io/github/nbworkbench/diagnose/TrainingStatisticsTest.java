package io.github.nbworkbench.diagnose;

import static io.github.nbworkbench.testdata.Dataset.SKLEARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.TrainingData;
import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Metric;
import io.github.nbworkbench.train.ParallelTraining;
import io.github.nbworkbench.train.Trainer;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import tech.tablesaw.api.Table;

@RequiresDataset(SKLEARN)
class TrainingStatisticsTest {

    @Test
    void measuresEveryLayerOnTheFirstBatchOfEachEpochAndEveryNthAfterIt() {
        TrainingData data = DigitsRuns.digits(600, 300); // 19 batches of 32
        TrainingStatistics statistics = TrainingStatistics.everyBatches(5);

        DigitsRuns.fit(DigitsRuns.reluMlp(new Adam(1e-3), 32), data, 2, 32, statistics);

        List<LayerSample> samples = statistics.samples();
        assertEquals(2 * 4 * 2, samples.size(), "2 epochs x batches 1, 6, 11, 16 x 2 layers");
        assertEquals(Set.of(1L, 6L, 11L, 16L), samples.stream().map(LayerSample::batch).collect(Collectors.toSet()));
        for (LayerSample sample : samples) {
            assertTrue(sample.gradientNorm() > 0 && sample.gradientNorm() < 10, "gradient of the mean loss: " + sample);
            assertTrue(sample.parameterNorm() > 1, sample.toString());
            assertTrue(sample.updateRatio() > 1e-4 && sample.updateRatio() < 0.1, "Adam 1e-3 moves weights by about 1e-3: " + sample);
        }
        LayerSample hidden = samples.get(0);
        LayerSample output = samples.get(1);
        assertEquals("layer 0 (DenseLayer)", hidden.label());
        assertTrue(hidden.zeroShare() > 0.3 && hidden.zeroShare() < 0.7, "about half of a ReLU layer's outputs are zero: " + hidden);
        assertTrue(hidden.deadShare() < 0.2, hidden.toString());
        assertTrue(Double.isNaN(output.zeroShare()) && Double.isNaN(output.deadShare()), "softmax, not ReLU: " + output);

        Table table = statistics.table();
        assertEquals(samples.size(), table.rowCount());
        assertEquals(List.of(History.EPOCH, TrainingStatistics.BATCH, TrainingStatistics.LAYER, TrainingStatistics.TYPE,
                TrainingStatistics.GRADIENT_NORM, TrainingStatistics.PARAMETER_NORM, TrainingStatistics.UPDATE_RATIO,
                TrainingStatistics.ZERO_SHARE, TrainingStatistics.DEAD_SHARE), table.columnNames());
        assertEquals(hidden.gradientNorm(), table.doubleColumn(TrainingStatistics.GRADIENT_NORM).getDouble(0));
    }

    @Test
    void trainingEndsWithTheSameWeightsWithAndWithoutStatistics() {
        TrainingData data = DigitsRuns.digits(300, 100);
        MultiLayerNetwork plain = DigitsRuns.reluMlp(new Adam(1e-3), 32);
        MultiLayerNetwork measured = DigitsRuns.reluMlp(new Adam(1e-3), 32);

        DigitsRuns.fit(plain, data, 2, 32);
        DigitsRuns.fit(measured, data, 2, 32, TrainingStatistics.everyBatches(1));

        assertEquals(plain.params(), measured.params());
        assertEquals(0, measured.getListeners().size(), "the recorder is detached after its batch");
    }

    @Test
    void anAccumulatedStepIsMeasuredAsTheLargeBatchItStandsFor() {
        TrainingData data = DigitsRuns.digits(288, 100);
        TrainingStatistics accumulated = TrainingStatistics.everyBatches(1);
        TrainingStatistics large = TrainingStatistics.everyBatches(1);

        Trainer.of(DigitsRuns.reluMlp(new Adam(1e-3), 32)).accumulateGradients(3).epochs(1).seed(1).quiet().metrics(Metric.ACCURACY)
                .callbacks(accumulated).fit(data.batchSize(32));
        Trainer.of(DigitsRuns.reluMlp(new Adam(1e-3), 32)).epochs(1).seed(1).quiet().metrics(Metric.ACCURACY)
                .callbacks(large).fit(data.batchSize(96));

        assertEquals(3 * 2, accumulated.samples().size(), "3 steps of 3 batches x 2 layers");
        for (int i = 0; i < accumulated.samples().size(); i++) {
            LayerSample step = accumulated.samples().get(i);
            LayerSample batch = large.samples().get(i);
            assertEquals(batch.gradientNorm(), step.gradientNorm(), 1e-4 * batch.gradientNorm(), "the mean gradient of 96 examples: " + step);
            assertEquals(batch.updateRatio(), step.updateRatio(), 1e-3 * batch.updateRatio(), step.toString());
            assertEquals(batch.zeroShare(), step.zeroShare(), 1e-9, "the ReLU outputs of all 96 examples: " + step);
            assertEquals(batch.deadShare(), step.deadShare(), 1e-9, step.toString());
        }
    }

    @Test
    void measuresAComputationGraphByVertexName() {
        var conf = new NeuralNetConfiguration.Builder().seed(42).updater(new Adam(1e-3)).graphBuilder()
                .addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(64).nOut(16).activation(Activation.RELU).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(10).activation(Activation.SOFTMAX).build(),
                        "hidden")
                .setOutputs("out")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        TrainingStatistics statistics = TrainingStatistics.everyBatches(100);

        Trainer.of(graph).epochs(1).quiet().callbacks(statistics).fit(DigitsRuns.digits(200, 50).batchSize(50));

        assertEquals(List.of("hidden", "out"), statistics.samples().stream().map(LayerSample::layer).toList());
        LayerSample hidden = statistics.samples().get(0);
        assertTrue(hidden.zeroShare() > 0.2 && hidden.zeroShare() < 0.8 && hidden.gradientNorm() > 0, hidden.toString());
    }

    @Test
    void strategiesThatDoNotSeeTheBatchesRefuseIt() {
        TrainingStatistics statistics = TrainingStatistics.everyBatches(10);
        Trainer trainer = Trainer.of(DigitsRuns.reluMlp(new Adam(1e-3), 8)).quiet().callbacks(statistics)
                .strategy(ParallelTraining.workers(2));

        String message = assertThrows(IllegalArgumentException.class, () -> trainer.fit(DigitsRuns.digits(100, 50))).getMessage();

        assertTrue(statistics.needsBatches());
        assertTrue(message.contains("TrainingStatistics acts on batches"), message);
    }

    @Test
    void sampleIntervalMustBePositive() {
        String message = assertThrows(IllegalArgumentException.class, () -> TrainingStatistics.everyBatches(0)).getMessage();

        assertEquals("TrainingStatistics.everyBatches(n) measures one batch in n: n must be 1 (every batch) or more, got 0 (e.g. everyBatches(10))", message);
    }
}
