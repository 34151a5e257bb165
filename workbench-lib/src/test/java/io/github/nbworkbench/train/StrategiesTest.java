package io.github.nbworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What the local and the ParallelWrapper strategies share: defaults, History columns, errors, refusals. */
class StrategiesTest {

    private static final List<TrainingStrategy> STRATEGIES = List.of(TrainingStrategy.local(), ParallelTraining.workers(2));

    /** The seed each strategy's run sees, with {@code seed} given or, when null, after Seeds.seedEverything(7). */
    private static long seenSeed(TrainingStrategy strategy, Long seed) {
        List<Long> seen = new ArrayList<>();
        Callback recorder = new Callback() {
            @Override
            public void onTrainBegin(TrainingContext context) {
                seen.add(context.seed());
            }
        };
        Trainer trainer = Trainer.of(Fixtures.mlp()).strategy(strategy).quiet().callbacks(recorder);
        if (seed != null) {
            trainer.seed(seed);
        }
        Seeds.seedEverything(7);
        trainer.fit(Fixtures.trainBlobs());
        return seen.get(0);
    }

    @Test
    void everyStrategyDrawsTheSeedFromNd4jUnlessGivenOne() {
        long local = seenSeed(TrainingStrategy.local(), null);

        assertEquals(local, seenSeed(ParallelTraining.workers(2), null), "Seeds.seedEverything decides the run's seed for both");
        assertEquals(local, seenSeed(TrainingStrategy.local(), null));
        for (TrainingStrategy strategy : STRATEGIES) {
            assertEquals(5L, seenSeed(strategy, 5L), strategy::toString);
        }
    }

    @Test
    void theSameSettingsGiveTheSameHistoryColumns() {
        List<String> expected = List.of("epoch", "loss", "val_loss", "val_accuracy", "lr", "seconds", "samples_per_s");
        for (TrainingStrategy strategy : STRATEGIES) {
            History history = Trainer.of(Fixtures.mlp()).strategy(strategy).epochs(2).quiet().metrics(Metric.ACCURACY)
                    .validationMetricsOnly().validation(Fixtures.validationBlobs()).fit(Fixtures.trainBlobs());

            assertEquals(expected, history.columnNames(), strategy::toString);
            assertEquals(2, history.rowCount(), strategy::toString);
        }
        History parallel = Trainer.of(Fixtures.mlp()).strategy(ParallelTraining.workers(2)).quiet().metrics(Metric.ACCURACY)
                .validation(Fixtures.validationBlobs()).fit(Fixtures.trainBlobs());
        assertEquals(expected, parallel.columnNames(), "training metrics need the batches: validation ones only, as validationMetricsOnly()");
    }

    @Test
    void aCallbackWithBatchHooksIsRefusedByTheParallelStrategyNamingHookAndStrategy() {
        MultiLayerNetwork net = Fixtures.mlp();
        INDArray before = net.params().dup();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Trainer.of(net)
                .strategy(ParallelTraining.workers(2).averagingFrequency(4)).quiet().callbacks(new OneCycle(0.01)).fit(Fixtures.trainBlobs()));

        assertTrue(refused.getMessage().startsWith("OneCycle acts on batches (onBatchBegin), which ParallelTraining (2 workers,"
                + " averaging every 4 batches) cannot call"), refused.getMessage());
        assertEquals(before, net.params(), "refused before any training");
    }

    @Test
    void theParallelStrategyRefusesTrainingMetricsWithoutValidationAndResuming(@org.junit.jupiter.api.io.TempDir Path folder) {
        IllegalArgumentException metrics = assertThrows(IllegalArgumentException.class, () -> Trainer.of(Fixtures.mlp())
                .strategy(ParallelTraining.workers(2)).quiet().metrics(Metric.ACCURACY).fit(Fixtures.trainBlobs()));
        IllegalArgumentException resume = assertThrows(IllegalArgumentException.class, () -> Trainer.of(Fixtures.mlp())
                .strategy(ParallelTraining.workers(2)).quiet().resumeFrom(folder.resolve("run.zip")).fit(Fixtures.trainBlobs()));

        assertTrue(metrics.getMessage().contains("computes metrics on the validation data only"), metrics.getMessage());
        assertTrue(resume.getMessage().contains("cannot resume from a checkpoint: resume with the local strategy"), resume.getMessage());
    }

    @Test
    void anUninitialisedNetworkFailsTheSameWayWhateverItIsAndWhateverTrainsIt() {
        MultiLayerNetwork net = new MultiLayerNetwork(Fixtures.mlp().getLayerWiseConfigurations());
        ComputationGraph graph = new ComputationGraph(Fixtures.graph().getConfiguration());

        IllegalStateException forNet = assertThrows(IllegalStateException.class, () -> Trainer.of(net).strategy(ParallelTraining.workers(2)));
        IllegalStateException forGraph = assertThrows(IllegalStateException.class, () -> Trainer.of(graph));

        assertEquals("The network is not initialised: call net.init() before training it", forNet.getMessage());
        assertEquals(forNet.getMessage(), forGraph.getMessage());
    }

    @Test
    void epochLevelCallbacksThatHaveBatchHooksTooRunWithTheParallelStrategy() {
        MultiLayerNetwork net = Fixtures.mlp();

        History history = Trainer.of(net).epochs(2).strategy(ParallelTraining.workers(2).averagingFrequency(4)).quiet()
                .callbacks(new StepDecay(0.01, 0.5, 1), new TerminateOnNaN()).fit(Fixtures.trainBlobs());

        assertEquals(2, history.rowCount());
        assertEquals(0.01, history.doubleColumn(History.LEARNING_RATE).get(0), 1e-12, "a per-epoch schedule sets epoch 1's rate");
        assertEquals(0.005, history.doubleColumn(History.LEARNING_RATE).get(1), 1e-12, "and halves it for epoch 2");
    }
}
