package io.github.nbworkbench.imbalance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossNegativeLogLikelihood;

/**
 * The weighted loss is checked against its definition, mean over examples of weight[class] * -log p(class)
 * (summed over time steps for a recurrent output), computed here from the network's own outputs on a
 * fixed batch. The networks use doubles so that the comparison is exact to rounding.
 */
class ClassWeightedLossTest {

    private static final List<String> CLASSES = List.of("a", "b", "c");
    private static final ClassWeights WEIGHTS = ClassWeights.of(CLASSES, 0.5, 2, 7);
    private static final int FEATURES = 4;
    private static final int[] BATCH_CLASSES = {0, 1, 2, 2, 1, 0};
    private static final int TIME_STEPS = 5;
    private static final double EXACT = 1e-10;

    @Test
    void feedForwardNetworkScoresTheWeightedCrossEntropy() {
        MultiLayerNetwork net = feedForward(LossFunction.MCXENT);
        DataSet batch = feedForwardBatch();
        double unweighted = net.score(batch);

        ClassWeightedLoss.apply(net, WEIGHTS);

        double[][] p = net.output(batch.getFeatures()).toDoubleMatrix();
        assertEquals(crossEntropy(p, new double[] {1, 1, 1}), unweighted, EXACT);
        assertEquals(crossEntropy(p, WEIGHTS.values()), net.score(batch), EXACT);
        assertNotEquals(unweighted, net.score(batch));
    }

    @Test
    void recurrentNetworkScoresTheWeightedCrossEntropyOverEveryTimeStep() {
        MultiLayerNetwork net = recurrent();
        DataSet batch = recurrentBatch();
        INDArray output = net.output(batch.getFeatures());
        double unweighted = net.score(batch);

        ClassWeightedLoss.apply(net, WEIGHTS);

        assertEquals(recurrentCrossEntropy(output, new double[] {1, 1, 1}), unweighted, EXACT);
        assertEquals(recurrentCrossEntropy(output, WEIGHTS.values()), net.score(batch), EXACT);
    }

    @Test
    void graphOutputsAreWeightedToo() {
        ComputationGraph feedForward = feedForward(LossFunction.MCXENT).toComputationGraph();
        ComputationGraph recurrent = recurrent().toComputationGraph();
        DataSet ffBatch = feedForwardBatch();
        DataSet rnnBatch = recurrentBatch();

        ClassWeightedLoss.apply(feedForward, WEIGHTS);
        ClassWeightedLoss.apply(recurrent, WEIGHTS);

        assertEquals(crossEntropy(feedForward.outputSingle(ffBatch.getFeatures()).toDoubleMatrix(), WEIGHTS.values()),
                feedForward.score(ffBatch), EXACT);
        assertEquals(recurrentCrossEntropy(recurrent.outputSingle(rnnBatch.getFeatures()), WEIGHTS.values()),
                recurrent.score(rnnBatch), EXACT);
    }

    @Test
    void trainingFollowsTheWeightedLoss() {
        // One SGD step on a weighted loss is the step on the loss scaled per example: with all weights 2
        // the update is exactly twice the unweighted one.
        MultiLayerNetwork plain = feedForward(LossFunction.MCXENT);
        MultiLayerNetwork doubled = ClassWeightedLoss.apply(feedForward(LossFunction.MCXENT), ClassWeights.of(CLASSES, 2, 2, 2));
        INDArray start = plain.params().dup();

        plain.fit(feedForwardBatch());
        doubled.fit(feedForwardBatch());

        INDArray plainStep = plain.params().sub(start);
        INDArray doubledStep = doubled.params().sub(start);
        assertEquals(0, plainStep.mul(2).distance2(doubledStep), 1e-12);
        assertTrue(plainStep.norm2Number().doubleValue() > 1e-3);
    }

    @Test
    void negativeLogLikelihoodKeepsItsKindAndTheWeightsAreSavedWithTheNetwork() throws IOException {
        MultiLayerNetwork net = ClassWeightedLoss.apply(feedForward(LossFunction.NEGATIVELOGLIKELIHOOD), WEIGHTS);
        BaseOutputLayer conf = (BaseOutputLayer) net.getLayerWiseConfigurations().getConf(1).getLayer();
        DataSet batch = feedForwardBatch();

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, file, false);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(file.toByteArray()));

        assertInstanceOf(LossNegativeLogLikelihood.class, conf.getLossFn());
        assertArrayEquals(WEIGHTS.values(), ((LossMCXENT) conf.getLossFn()).getWeights().toDoubleVector(), 0);
        assertEquals(net.score(batch), restored.score(batch), EXACT);
    }

    @Test
    void refusesOtherLossesWrongSizesAndAmbiguousGraphs() {
        IllegalArgumentException mse = assertThrows(IllegalArgumentException.class,
                () -> ClassWeightedLoss.apply(feedForward(LossFunction.MSE), WEIGHTS));
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> ClassWeightedLoss.apply(feedForward(LossFunction.MCXENT), ClassWeights.of(List.of("a", "b"), 1, 2)));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ClassWeightedLoss.apply(feedForward(LossFunction.MCXENT).toComputationGraph(), "nope", WEIGHTS));

        assertTrue(mse.getMessage().contains("uses the loss LossMSE;") && mse.getMessage().contains("classification cross-entropy"),
                mse.getMessage());
        assertTrue(size.getMessage().contains("Got 2 class weights for the last layer (1) with 3 outputs"), size.getMessage());
        assertTrue(unknown.getMessage().contains("'nope' is not an output of the graph"), unknown.getMessage());
    }

    @Test
    void refusesANetworkThatIsNotInitialised() {
        MultiLayerNetwork net = new MultiLayerNetwork(feedForward(LossFunction.MCXENT).getLayerWiseConfigurations().clone());

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> ClassWeightedLoss.apply(net, WEIGHTS));

        assertTrue(error.getMessage().contains("call init()"), error.getMessage());
    }

    private static MultiLayerNetwork feedForward(LossFunction loss) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.DOUBLE)
                .updater(new Sgd(0.1)).list()
                .layer(new DenseLayer.Builder().nIn(FEATURES).nOut(5).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(loss).nIn(5).nOut(3).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }

    private static MultiLayerNetwork recurrent() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.DOUBLE)
                .updater(new Sgd(0.1)).list()
                .layer(new LSTM.Builder().nIn(FEATURES).nOut(5).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(LossFunction.MCXENT).nIn(5).nOut(3).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }

    private static DataSet feedForwardBatch() {
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, BATCH_CLASSES.length, 3);
        for (int i = 0; i < BATCH_CLASSES.length; i++) {
            labels.putScalar(i, BATCH_CLASSES[i], 1);
        }
        return new DataSet(gaussian(3, BATCH_CLASSES.length, FEATURES), labels);
    }

    /** Labels [N, 3, T]: example i at step t is class (i + t) % 3. */
    private static DataSet recurrentBatch() {
        int n = BATCH_CLASSES.length;
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, n, 3, TIME_STEPS);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < TIME_STEPS; t++) {
                labels.putScalar(new long[] {i, (i + t) % 3, t}, 1);
            }
        }
        return new DataSet(gaussian(4, n, FEATURES, TIME_STEPS), labels);
    }

    private static INDArray gaussian(long seed, long... shape) {
        Random random = new Random(seed);
        double[] values = new double[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        Arrays.setAll(values, i -> random.nextGaussian());
        return Nd4j.create(values, shape, DataType.DOUBLE);
    }

    private static double crossEntropy(double[][] probabilities, double[] weights) {
        double sum = 0;
        for (int i = 0; i < BATCH_CLASSES.length; i++) {
            sum += weights[BATCH_CLASSES[i]] * -Math.log(probabilities[i][BATCH_CLASSES[i]]);
        }
        return sum / BATCH_CLASSES.length;
    }

    private static double recurrentCrossEntropy(INDArray probabilities, double[] weights) {
        int n = BATCH_CLASSES.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < TIME_STEPS; t++) {
                int c = (i + t) % 3;
                sum += weights[c] * -Math.log(probabilities.getDouble(i, c, t));
            }
        }
        return sum / n;
    }
}
