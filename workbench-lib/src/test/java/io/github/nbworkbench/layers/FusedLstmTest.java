package io.github.nbworkbench.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** {@link FusedLstm} against DL4J's LSTM on random data: outputs, gradients, masks, truncated BPTT, rnnTimeStep, saving. */
class FusedLstmTest {

    private static final int FEATURES = 5;
    private static final int UNITS = 6;
    private static final int CLASSES = 4;
    private static final int BATCH = 3;
    private static final int STEPS = 7;

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void outputsEqualDl4j(DataType type) {
        Pair nets = Pair.of(type, 0, 0);
        INDArray x = Nd4j.rand(type, BATCH, FEATURES, STEPS).subi(0.5).muli(4);
        assertClose(nets.dl4j().output(x), nets.fused().output(x), type);
        assertInstanceOf(FusedLstmLayer.class, nets.fused().getLayer(0));
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void gradientsEqualDl4j(DataType type) {
        Pair nets = Pair.of(type, 0, 0);
        DataSet data = data(type, STEPS);
        assertGradientsClose(nets, data, type);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void withMasksOutputsAndGradientsEqualDl4j(DataType type) {
        Pair nets = Pair.of(type, 0, 0);
        DataSet data = data(type, STEPS);
        // padding at the end, at the start, and a hole in the middle
        INDArray mask = Nd4j.create(new double[][] {
                {1, 1, 1, 1, 1, 0, 0},
                {0, 0, 1, 1, 1, 1, 1},
                {1, 1, 0, 1, 1, 1, 1}}).castTo(type);
        data.setFeaturesMaskArray(mask);
        data.setLabelsMaskArray(mask.dup());
        assertClose(nets.dl4j().output(data.getFeatures(), false, mask, mask),
                nets.fused().output(data.getFeatures(), false, mask, mask), type);
        assertGradientsClose(nets, data, type);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void truncatedBpttTrainingEqualsDl4j(DataType type) {
        for (int backward : new int[] {3, 2}) {
            Pair nets = Pair.of(type, 3, backward);
            DataSet data = data(type, 8);
            nets.dl4j().fit(data);
            nets.fused().fit(data);
            assertClose(nets.dl4j().params(), nets.fused().params(), type);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void rnnTimeStepEqualsDl4jAndTheWholeSequence(DataType type) {
        Pair nets = Pair.of(type, 0, 0);
        INDArray x = Nd4j.rand(type, BATCH, FEATURES, STEPS);
        for (int t = 0; t < 4; t++) {
            INDArray step = x.get(all(), all(),
                    interval(t, t + 1));
            assertClose(nets.dl4j().rnnTimeStep(step), nets.fused().rnnTimeStep(step), type);
        }
        INDArray rest = x.get(all(), all(),
                interval(4, STEPS));
        INDArray fusedRest = nets.fused().rnnTimeStep(rest);
        assertClose(nets.dl4j().rnnTimeStep(rest), fusedRest, type);
        Map<String, INDArray> dl4jState = nets.dl4j().rnnGetPreviousState(0);
        Map<String, INDArray> fusedState = nets.fused().rnnGetPreviousState(0);
        for (String key : dl4jState.keySet()) {
            assertClose(dl4jState.get(key), fusedState.get(key), type);
        }
        INDArray whole = nets.fused().output(x);
        assertClose(whole.get(all(), all(),
                interval(4, STEPS)), fusedRest, type);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void inTimeMajorFormatOutputsAndGradientsEqualDl4j(DataType type) {
        Pair nets = Pair.of(type, 0, 0, RNNFormat.NWC);
        DataSet data = data(type, STEPS);
        data.setFeatures(data.getFeatures().permute(0, 2, 1).dup());
        data.setLabels(data.getLabels().permute(0, 2, 1).dup());
        assertClose(nets.dl4j().output(data.getFeatures()), nets.fused().output(data.getFeatures()), type);
        assertGradientsClose(nets, data, type);
    }

    @Test
    void inAComputationGraphGradientsEqualDl4j() {
        ComputationGraph[] graphs = new ComputationGraph[2];
        for (int i = 0; i < 2; i++) {
            LSTM lstm = new LSTM.Builder().nOut(UNITS).activation(Activation.TANH).build();
            graphs[i] = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE).graphBuilder()
                    .addInputs("in").setInputTypes(InputType.recurrent(FEATURES))
                    .addLayer("lstm", i == 1 ? FusedLstm.of(lstm) : lstm, "in")
                    .addLayer("out", new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                            .nOut(CLASSES).build(), "lstm")
                    .setOutputs("out").build());
            graphs[i].init();
        }
        graphs[1].setParams(graphs[0].params().dup());
        DataSet data = data(DataType.DOUBLE, STEPS);
        for (ComputationGraph graph : graphs) {
            graph.setInputs(data.getFeatures());
            graph.setLabels(data.getLabels());
            graph.computeGradientAndScore();
        }
        assertInstanceOf(FusedLstmLayer.class, graphs[1].getLayer("lstm"));
        assertClose(graphs[0].gradient().gradient(), graphs[1].gradient().gradient(), DataType.DOUBLE);
    }

    @Test
    void aSavedNetworkLoadsWithTheFusedLayerAndItsParametersFitDl4js() throws IOException {
        Pair nets = Pair.of(DataType.FLOAT, 0, 0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(nets.fused(), bytes, true);
        MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
        assertInstanceOf(FusedLstmLayer.class, loaded.getLayer(0));
        assertEquals(nets.fused().getLayerWiseConfigurations(), loaded.getLayerWiseConfigurations());
        INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, FEATURES, STEPS);
        assertEquals(nets.dl4j().output(x), loaded.output(x));
    }

    @Test
    void trainingResumesAcrossTheTwoLayersFromParametersAndAdamsState() {
        MultiLayerNetwork dl4j = Pair.network(DataType.DOUBLE, false, 0, 0, RNNFormat.NCW);
        dl4j.getLayerWiseConfigurations().getConfs().forEach(c -> ((org.deeplearning4j.nn.conf.layers.BaseLayer) c.getLayer())
                .setIUpdater(new Adam(0.01)));
        MultiLayerNetwork fused = Pair.network(DataType.DOUBLE, true, 0, 0, RNNFormat.NCW);
        fused.getLayerWiseConfigurations().getConfs().forEach(c -> ((org.deeplearning4j.nn.conf.layers.BaseLayer) c.getLayer())
                .setIUpdater(new Adam(0.01)));
        dl4j.fit(data(DataType.DOUBLE, STEPS));
        fused.setParams(dl4j.params().dup());
        fused.getUpdater().getStateViewArray().assign(dl4j.getUpdater().getStateViewArray());
        fused.setIterationCount(dl4j.getIterationCount());

        DataSet next = data(DataType.DOUBLE, STEPS);
        dl4j.fit(next);
        fused.fit(next);
        assertClose(dl4j.params(), fused.params(), DataType.DOUBLE);
    }

    @Test
    void withoutTheInputGradientTheWeightGradientsAndTruncatedBpttTrainingStayDl4jsAndSaveWithTheFlag() throws IOException {
        Pair nets = Pair.of(DataType.FLOAT, 3, 3);
        ((FusedLstm) nets.fused().getLayerWiseConfigurations().getConf(0).getLayer()).withoutInputGradient();
        DataSet data = data(DataType.FLOAT, STEPS);
        assertGradientsClose(nets, data, DataType.FLOAT);

        nets.fused().setInput(data.getFeatures());
        nets.fused().setLabels(data.getLabels());
        assertEquals(null, nets.fused().calculateGradients(data.getFeatures(), data.getLabels(), null, null).getSecond());

        nets.dl4j().fit(data);
        nets.fused().fit(data);
        assertClose(nets.dl4j().params(), nets.fused().params(), DataType.FLOAT);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(nets.fused(), bytes, true);
        MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
        FusedLstm first = (FusedLstm) loaded.getLayerWiseConfigurations().getConf(0).getLayer();
        assertEquals(false, first.isInputGradient());
        assertEquals(true, ((FusedLstm) loaded.getLayerWiseConfigurations().getConf(1).getLayer()).isInputGradient());
        assertEquals(LSTM.class, first.toDl4j().getClass());
    }

    @Test
    void aWrongInputSizeOrAStaleRnnTimeStepStateFailsWithDl4jsExceptionAndMessage() {
        Pair nets = Pair.of(DataType.FLOAT, 0, 0);
        INDArray sevenFeatures = Nd4j.rand(DataType.FLOAT, BATCH, FEATURES + 2, STEPS);
        RuntimeException dl4j = assertThrows(RuntimeException.class, () -> nets.dl4j().output(sevenFeatures));
        RuntimeException fused = assertThrows(RuntimeException.class, () -> nets.fused().output(sevenFeatures));
        assertEquals(dl4j.getClass(), fused.getClass());
        assertEquals(dl4j.getMessage(), fused.getMessage());
        assertTrue(fused.getMessage().contains("must match layer nIn size (nIn = 5)"), fused.getMessage());

        for (MultiLayerNetwork net : new MultiLayerNetwork[] {nets.dl4j(), nets.fused()}) {
            net.rnnTimeStep(Nd4j.rand(DataType.FLOAT, BATCH, FEATURES, 1));
        }
        INDArray oneExample = Nd4j.rand(DataType.FLOAT, 1, FEATURES, 1);
        RuntimeException staleDl4j = assertThrows(RuntimeException.class, () -> nets.dl4j().rnnTimeStep(oneExample));
        RuntimeException staleFused = assertThrows(RuntimeException.class, () -> nets.fused().rnnTimeStep(oneExample));
        assertEquals(staleDl4j.getClass(), staleFused.getClass());
        assertTrue(staleFused.getMessage().startsWith("Invalid RNN previous state"), staleFused.getMessage());
    }

    @Test
    void copiesEverySettingOfDl4jsLayer() {
        LSTM lstm = new LSTM.Builder().nIn(3).nOut(4).activation(Activation.SOFTSIGN).forgetGateBiasInit(2.5)
                .gateActivationFunction(Activation.HARDSIGMOID).dropOut(0.8).l2(1e-3).name("encoder").build();
        FusedLstm fused = FusedLstm.of(lstm);
        assertEquals(2.5, fused.getForgetGateBiasInit());
        assertEquals("encoder", fused.getLayerName());
        assertEquals(lstm, fused.toDl4j());
        assertEquals(LSTM.class, fused.toDl4j().getClass());
    }

    private static void assertGradientsClose(Pair nets, DataSet data, DataType type) {
        for (MultiLayerNetwork net : new MultiLayerNetwork[] {nets.dl4j(), nets.fused()}) {
            net.setInput(data.getFeatures());
            net.setLabels(data.getLabels());
            net.setLayerMaskArrays(data.getFeaturesMaskArray(), data.getLabelsMaskArray());
            net.computeGradientAndScore();
        }
        assertEquals(nets.dl4j().score(), nets.fused().score(), type == DataType.DOUBLE ? 1e-12 : 1e-5);
        assertClose(nets.dl4j().gradient().gradient(), nets.fused().gradient().gradient(), type);
        assertTrue(nets.dl4j().gradient().gradient().amaxNumber().doubleValue() > 1e-3, "the gradient is not trivially zero");
    }

    /** Equal within 1e-5 (FLOAT) or 1e-12 (DOUBLE), relative to the largest magnitude when above 1. */
    private static void assertClose(INDArray expected, INDArray actual, DataType type) {
        assertEquals(Arrays.toString(expected.shape()), Arrays.toString(actual.shape()));
        double tolerance = (type == DataType.DOUBLE ? 1e-12 : 1e-5) * Math.max(1, expected.amaxNumber().doubleValue());
        double difference = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(difference <= tolerance, "largest difference " + difference + " > " + tolerance);
    }

    private static DataSet data(DataType type, int steps) {
        INDArray x = Nd4j.rand(type, BATCH, FEATURES, steps).subi(0.5).muli(4);
        INDArray labels = Nd4j.zeros(type, BATCH, CLASSES, steps);
        for (int b = 0; b < BATCH; b++) {
            for (int t = 0; t < steps; t++) {
                labels.putScalar(b, (b + 3 * t) % CLASSES, t, 1);
            }
        }
        return new DataSet(x, labels);
    }

    /** Two LSTM layers and a softmax output, once with DL4J's layers and once fused, with the same parameters. */
    private record Pair(MultiLayerNetwork dl4j, MultiLayerNetwork fused) {

        static Pair of(DataType type, int tbpttForward, int tbpttBackward) {
            return of(type, tbpttForward, tbpttBackward, RNNFormat.NCW);
        }

        static Pair of(DataType type, int tbpttForward, int tbpttBackward, RNNFormat format) {
            MultiLayerNetwork dl4j = network(type, false, tbpttForward, tbpttBackward, format);
            MultiLayerNetwork fused = network(type, true, tbpttForward, tbpttBackward, format);
            fused.setParams(dl4j.params().dup());
            return new Pair(dl4j, fused);
        }

        static MultiLayerNetwork network(DataType type, boolean fused, int tbpttForward, int tbpttBackward, RNNFormat format) {
            NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                    .seed(7).dataType(type).updater(new Sgd(0.5)).weightInit(WeightInit.XAVIER).list();
            for (int i = 0; i < 2; i++) {
                LSTM lstm = new LSTM.Builder().nOut(UNITS).activation(Activation.TANH).dataFormat(format).build();
                list.layer(fused ? FusedLstm.of(lstm) : lstm);
            }
            list.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).nOut(CLASSES)
                            .dataFormat(format).build())
                    .setInputType(InputType.recurrent(FEATURES, format));
            if (tbpttForward > 0) {
                list.backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(tbpttForward).tBPTTBackwardLength(tbpttBackward);
            }
            MultiLayerNetwork net = new MultiLayerNetwork(list.build());
            net.init();
            return net;
        }
    }
}
