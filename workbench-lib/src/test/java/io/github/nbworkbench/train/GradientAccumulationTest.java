package io.github.nbworkbench.train;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static io.github.nbworkbench.testdata.Dataset.STATE_OF_THE_UNION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.models.Mlps;
import io.github.nbworkbench.models.Rnns;
import io.github.nbworkbench.progress.BatchProgress;
import io.github.nbworkbench.progress.EpochEnd;
import io.github.nbworkbench.progress.TrainingProgress;
import io.github.nbworkbench.progress.TrainingStart;
import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.text.CharVocabulary;
import io.github.nbworkbench.text.StateOfTheUnion;
import io.github.nbworkbench.text.TextSequences;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Accumulating the gradients of 4 batches of 32 must move the parameters exactly as one batch of 128.
 *
 * <p>The averaging that makes this hold: DL4J's backward pass sums a batch's gradient over its
 * examples and the updater divides by the batch size. So the accumulated gradients are summed and
 * divided once, by all the examples of the step: the large batch's mean gradient. A mean of the four
 * batches' means would match only while the batches are equal in size; here the 208 images make
 * batches 32, 32, 32, 32 | 32, 32, 16, so the second step (80 images) checks the uneven case, against
 * batches of 128 and 80. The networks have no dropout and no batch normalisation, whose per-batch
 * randomness and statistics differ between small and large batches by design.
 */
@RequiresDataset(FASHION_MNIST)
class GradientAccumulationTest {

    private static final LabeledDataset IMAGES = FashionMnist.load().train().limit(208).flat();
    /**
     * In float32 the sums run in another order, so updates of about 1e-2 differ by a few 1e-8 with SGD.
     * Adam divides by the root of the squared gradients' running mean, which blows up the rounding of
     * tiny gradients (2.2e-6 on updates of 6e-2 measured), so the Adam runs are compared in float64.
     */
    private static final double FLOAT_TOLERANCE = 1e-6;
    private static final double DOUBLE_TOLERANCE = 1e-12;

    private static DataSetIterator batchesOf(int size) {
        return IMAGES.batchSize(size).iterator();
    }

    private static DataSetIterator inDouble(DataSetIterator batches) {
        batches.setPreProcessor(batch -> {
            batch.setFeatures(batch.getFeatures().castTo(DataType.DOUBLE));
            batch.setLabels(batch.getLabels().castTo(DataType.DOUBLE));
        });
        return batches;
    }

    private static double maxAbsDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }

    private static Model copyOf(Model model) {
        return model instanceof MultiLayerNetwork net ? net.clone() : ((ComputationGraph) model).clone();
    }

    /**
     * Trains copies of {@code model} on 4 accumulated batches of {@code size}, on batches of 4 x {@code size}
     * and on batches of {@code size}; checks the first two agree within {@code tolerance} and differ from the third.
     */
    private static void assertAccumulationMatchesTheLargeBatch(Model model, int epochs, IntFunction<DataSetIterator> batches, int size,
            double tolerance) {
        Model accumulated = copyOf(model);
        Model large = copyOf(model);
        Model small = copyOf(model);
        Trainer.of(accumulated).epochs(epochs).accumulateGradients(4).quiet().fit(batches.apply(size));
        Trainer.of(large).epochs(epochs).quiet().fit(batches.apply(4 * size));
        Trainer.of(small).epochs(epochs).quiet().fit(batches.apply(size));

        double difference = maxAbsDifference(accumulated.params(), large.params());
        double update = maxAbsDifference(large.params(), model.params());
        double smallSteps = maxAbsDifference(small.params(), large.params());
        System.out.printf("%s, %s, %d epochs: accumulated 4x%d vs batches of %d max |diff| %.3g; largest update %.3g;"
                + " steps per small batch vs large %.3g%n", model.getClass().getSimpleName(), model.params().dataType(), epochs,
                size, 4 * size, difference, update, smallSteps);
        assertTrue(difference < tolerance, "accumulated against one large batch: max |diff| " + difference);
        assertTrue(update > 1e3 * tolerance, "the steps move the parameters: " + update);
        assertTrue(smallSteps > 1e3 * tolerance, "a step per small batch is another trajectory: " + smallSteps);
    }

    /** Dense 32 (ReLU) and softmax, trained with plain SGD at learning rate 0.1. */
    private static MultiLayerNetwork sgdMlp() {
        MultiLayerConfiguration conf = Mlps.classifier().hiddenSizes(32).configuration(784, 10);
        conf.getConfs().forEach(layer -> ((BaseLayer) layer.getLayer()).setIUpdater(new Sgd(0.1)));
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    @Test
    void fourAccumulatedBatchesOf32StepLikeOneBatchOf128WithSgd() {
        assertAccumulationMatchesTheLargeBatch(sgdMlp(), 1, GradientAccumulationTest::batchesOf, 32, FLOAT_TOLERANCE);
    }

    /**
     * Adam hardly sees a gradient's scale; L2, which DL4J adds after dividing by the batch size, makes a
     * wrongly scaled sum show. Three epochs are six steps, so Adam's moments carry several accumulated gradients.
     */
    @Test
    void theSameHoldsForAdamWithL2OverSeveralSteps() {
        MultiLayerConfiguration conf = Mlps.classifier().hiddenSizes(32).l2(1e-3).learningRate(1e-2).configuration(784, 10);
        conf.setDataType(DataType.DOUBLE);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        assertAccumulationMatchesTheLargeBatch(net, 3, size -> inDouble(batchesOf(size)), 32, DOUBLE_TOLERANCE);
    }

    @Test
    void andForAComputationGraph() {
        var conf = new NeuralNetConfiguration.Builder().seed(7).updater(new Sgd(0.1)).graphBuilder()
                .addInputs("pixels")
                .addLayer("hidden", new DenseLayer.Builder().nIn(784).nOut(32).activation(Activation.RELU).build(), "pixels")
                .addLayer("classes", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(32).nOut(10)
                        .activation(Activation.SOFTMAX).build(), "hidden")
                .setOutputs("classes")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        assertAccumulationMatchesTheLargeBatch(graph, 1, GradientAccumulationTest::batchesOf, 32, FLOAT_TOLERANCE);
    }

    /** The char-LSTM preset (Adam) clips each layer's gradient norm: clipping acts on the accumulated mean, as on the large batch's. */
    @Test
    @RequiresDataset(STATE_OF_THE_UNION)
    void andForACharLstmWithGradientClipping() {
        String text = StateOfTheUnion.load().speeches().get(0).text().substring(0, 4_000);
        CharVocabulary vocabulary = CharVocabulary.of(text);
        TextSequences sequences = TextSequences.of(text, vocabulary).length(32).stride(32);
        MultiLayerConfiguration conf = Rnns.charLstm().hiddenSize(24).learningRate(1e-2).configuration(vocabulary.size());
        conf.setDataType(DataType.DOUBLE);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        assertAccumulationMatchesTheLargeBatch(net, 1, size -> inDouble(sequences.batchSize(size).iterator()), 8, DOUBLE_TOLERANCE);
    }

    /**
     * Batch normalisation's running mean is no gradient: DL4J puts its update where the gradient goes and
     * does not divide it by the batch size. Accumulation averages it over the examples, so it moves once,
     * as with the large batch, not four times as far. (Its weights do not match: each small batch is
     * normalised with its own statistics.)
     */
    @Test
    void batchNormalisationsRunningMeanMovesAsWithTheLargeBatch() {
        MultiLayerConfiguration conf = Mlps.classifier().hiddenSizes(32).batchNorm().configuration(784, 10);
        conf.setDataType(DataType.DOUBLE);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        MultiLayerNetwork accumulated = net.clone();
        MultiLayerNetwork large = net.clone();

        Trainer.of(accumulated).accumulateGradients(4).quiet().fit(inDouble(IMAGES.limit(128).batchSize(32).iterator()));
        Trainer.of(large).quiet().fit(inDouble(IMAGES.limit(128).batchSize(128).iterator()));

        String mean = "1_" + BatchNormalizationParamInitializer.GLOBAL_MEAN;
        double difference = maxAbsDifference(accumulated.getParam(mean), large.getParam(mean));
        double moved = maxAbsDifference(large.getParam(mean), net.getParam(mean));
        System.out.printf("batch norm running mean: accumulated vs large batch max |diff| %.3g; moved %.3g%n", difference, moved);
        assertTrue(moved > 1e-3, "the running mean moves: " + moved);
        assertTrue(difference < DOUBLE_TOLERANCE, "max |diff| " + difference);
    }

    @Test
    void callbacksProgressAndTheIterationCountCountOptimizerStepsAndTheHistoryEveryExample() {
        MultiLayerNetwork net = sgdMlp();
        MultiLayerNetwork large = net.clone();
        List<Long> steps = new ArrayList<>();
        List<Long> stepsPerEpoch = new ArrayList<>();
        Callback recorder = new Callback() {
            @Override
            public void onTrainBegin(TrainingContext context) {
                stepsPerEpoch.add(context.batchesPerEpoch());
            }

            @Override
            public void onBatchEnd(TrainingContext context, int epoch, long batch, double loss) {
                steps.add(batch);
            }
        };
        List<BatchProgress> shown = new ArrayList<>();
        TrainingProgress display = new TrainingProgress() {
            @Override
            public void start(TrainingStart start) {
            }

            @Override
            public void batch(BatchProgress progress) {
                shown.add(progress);
            }

            @Override
            public void epoch(EpochEnd end) {
            }

            @Override
            public void end(String summary) {
            }
        };

        History history = Trainer.of(net).epochs(2).accumulateGradients(4).metrics(Metric.ACCURACY).callbacks(recorder)
                .progress(display).fit(batchesOf(32));
        History reference = Trainer.of(large).epochs(2).metrics(Metric.ACCURACY).quiet().fit(batchesOf(128));

        assertEquals(List.of(2L), stepsPerEpoch, "7 batches of 32 in steps of 4 batches: 2 steps");
        assertEquals(List.of(1L, 2L, 1L, 2L), steps);
        assertEquals(4, net.getIterationCount(), "DL4J's iteration count, which its schedules follow, counts steps");
        assertEquals(2, shown.get(3).batch());
        assertEquals(2, shown.get(3).batchesPerEpoch());
        assertEquals(2, history.rowCount());
        assertEquals(reference.value(History.LOSS, 2), history.value(History.LOSS, 2), FLOAT_TOLERANCE,
                "the epoch's loss is the mean over every example, as with the large batches");
        assertEquals(reference.value("accuracy", 2), history.value("accuracy", 2), 1e-9);
        assertTrue(history.value(History.SAMPLES_PER_SECOND, 2) > 0);
    }

    @Test
    void refusesABadCountAndStrategiesThatCannotAccumulate() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> Trainer.of(sgdMlp()).accumulateGradients(0));
        assertEquals("accumulateGradients takes the number of batches per optimizer step, 1 or more (1 steps after every batch), got 0",
                zero.getMessage());

        MultiLayerNetwork net = sgdMlp();
        INDArray before = net.params().dup();
        IllegalArgumentException parallel = assertThrows(IllegalArgumentException.class, () -> Trainer.of(net)
                .strategy(ParallelTraining.workers(2)).accumulateGradients(4).quiet().fit(batchesOf(32)));
        assertTrue(parallel.getMessage().startsWith("ParallelTraining (2 workers, averaging every 50 batches) cannot accumulate gradients:"
                + " each of its workers fits its own batches"), parallel.getMessage());
        assertEquals(before, net.params(), "refused before any training");
    }

    @Test
    @RequiresDataset(STATE_OF_THE_UNION)
    void refusesTruncatedBpttBeforeAnyStep() {
        String text = StateOfTheUnion.load().speeches().get(0).text().substring(0, 2_000);
        CharVocabulary vocabulary = CharVocabulary.of(text);
        MultiLayerNetwork net = Rnns.charLstm().hiddenSize(8).truncatedBptt(8).build(vocabulary);
        INDArray before = net.params().dup();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Trainer.of(net).accumulateGradients(2)
                .quiet().fit(TextSequences.of(text, vocabulary).length(32).batchSize(8).iterator()));

        assertTrue(refused.getMessage().startsWith("Gradient accumulation needs each batch's gradient over whole sequences, but this"
                + " network trains with truncated BPTT"), refused.getMessage());
        assertEquals(before, net.params());
    }
}
