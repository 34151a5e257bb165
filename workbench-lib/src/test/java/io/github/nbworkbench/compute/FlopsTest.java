package io.github.nbworkbench.compute;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.models.Cnns;
import io.github.nbworkbench.models.FineTuning;
import io.github.nbworkbench.models.ImageShape;
import io.github.nbworkbench.models.Mlps;
import io.github.nbworkbench.models.ModelSummary;
import io.github.nbworkbench.models.Rnns;
import io.github.nbworkbench.models.Transformers;
import io.github.nbworkbench.testdata.RequiresDataset;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import tech.tablesaw.api.Table;

/** FLOPs counted by hand (a multiply-add is 2 FLOPs) against Flops' count from the layer shapes. */
class FlopsTest {

    private static MultiLayerNetwork initialised(NeuralNetConfiguration.ListBuilder layers, InputType input) {
        MultiLayerNetwork net = new MultiLayerNetwork(layers.setInputType(input).build());
        net.init();
        return net;
    }

    @Test
    void aSmallMlp() {
        MultiLayerNetwork mlp = Mlps.classifier().hiddenSizes(32).build(784, 10);

        Flops flops = Flops.of(mlp, InputType.feedForward(784));

        double forward = 2 * (784 * 32 + 32 * 10);        // 50,816
        assertEquals(forward, flops.forwardPerExample());
        assertEquals(3 * forward, flops.trainingPerExample());
        assertEquals(3 * forward * 64, flops.trainingStep(64));
        assertEquals(List.of(), flops.notCounted());
    }

    @Test
    void theClassicCnn() {
        MultiLayerNetwork cnn = Cnns.classic(new ImageShape(28, 28, 1), 10);

        Flops flops = Flops.of(cnn, InputType.convolutional(28, 28, 1));

        double conv = 2.0 * 26 * 26 * 32 * 1 * 3 * 3;     // 26x26 outputs x 32 filters, each 3x3x1 multiply-adds: 389,376
        double pool = 13 * 13 * 32 * 2 * 2;               // one comparison per window value: 21,632
        double dense = 2.0 * (13 * 13 * 32) * 128;        // 5,408 inputs x 128: 1,384,448
        double output = 2.0 * 128 * 10;                   // 2,560
        assertEquals(conv, flops.forwardOfLayer(0));
        assertEquals(pool, flops.forwardOfLayer(1));
        assertEquals(dense, flops.forwardOfLayer(2));
        assertEquals(conv + pool + dense + output, flops.forwardPerExample());
        Table table = flops.table();
        assertEquals(5, table.rowCount(), table::print);
        assertEquals("[32, 26, 26]", table.stringColumn(ModelSummary.OUTPUT_SHAPE).get(0));
        assertEquals(cnn.numParams(), table.longColumn(ModelSummary.PARAMETERS).get(4));
        assertEquals(3 * (conv + pool + dense + output), table.doubleColumn(Flops.TRAINING_FLOPS).get(4));
    }

    @Test
    void aSmallCnnWithBatchNormalisation() {
        MultiLayerNetwork cnn = initialised(new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build()),
                InputType.convolutional(28, 28, 1));

        Flops flops = Flops.of(cnn, InputType.convolutional(28, 28, 1));

        assertEquals(2.0 * 26 * 26 * 4 * 9, flops.forwardOfLayer(0));           // 48,672
        assertEquals(2.0 * 4 * 26 * 26, flops.forwardOfLayer(1));               // a x + b per value: 5,408
        assertEquals(13 * 13 * 4 * 4, flops.forwardOfLayer(2));                 // 2,704
        assertEquals(2.0 * 4 * 13 * 13 * 10, flops.forwardOfLayer(3));          // 13,520
        assertEquals(70_304, flops.forwardPerExample());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anLstmCountsEveryTimeStepFusedOrNot(boolean fused) {
        MultiLayerNetwork lstm = Rnns.charLstm().fused(fused).hiddenSize(16).build(20);

        Flops flops = Flops.of(lstm, InputType.recurrent(20, 10));

        double gates = 10 * 2.0 * 4 * 16 * (20 + 16);     // 10 steps x 4 gates x 16 units x (20 inputs + 16 recurrent): 46,080
        double output = 10 * 2.0 * 16 * 20;               // 6,400
        assertEquals(gates, flops.forwardOfLayer(0));
        assertEquals(gates + output, flops.forwardPerExample());

        IllegalArgumentException noLength = assertThrows(IllegalArgumentException.class, () -> Flops.of(lstm, InputType.recurrent(20)));
        String layer = fused ? "FusedLstm" : "LSTM";
        assertTrue(noLength.getMessage().startsWith("Counting the FLOPs of " + layer + " needs the sequence length"), noLength.getMessage());
    }

    @Test
    void theCharTransformerCountsItsCausalConvolutionAndAttentionBlocks() {
        MultiLayerNetwork transformer = Transformers.charTransformer().modelSize(16).heads(2).blocks(2).context(4).build(30);

        Flops flops = Flops.of(transformer, InputType.recurrent(30, 10));

        double embedding = 10 * 2.0 * 16 * 30 * 4;                         // 10 steps x 16 channels x (30 inputs x 4 characters): 38,400
        double block = 10 * 2.0 * 12 * 16 * 16 + 10 * 10 * 2.0 * 2 * 16;  // projections and feed-forward 61,440, attention pairs 6,400
        double output = 10 * 2.0 * 16 * 30;                                // 9,600
        assertEquals(List.of(), flops.notCounted());
        assertEquals(embedding, flops.forwardOfLayer(0));
        assertEquals(block, flops.forwardOfLayer(1));
        assertEquals(embedding + 2 * block + output, flops.forwardPerExample());
    }

    @Test
    void aFrozenLayerCostsItsForwardPassOnlyInTraining() {
        MultiLayerNetwork fineTuned = FineTuning.of(Mlps.classifier().hiddenSizes(32).build(784, 10)).freezeThrough(0).network();

        Flops flops = Flops.of(fineTuned, InputType.feedForward(784));

        double frozen = 2.0 * 784 * 32;
        double output = 2.0 * 32 * 10;
        assertEquals(frozen + output, flops.forwardPerExample());
        assertEquals(frozen + 3 * output, flops.trainingPerExample(), "DL4J passes no gradient through a frozen layer");
        assertEquals("DenseLayer (frozen)", flops.table().stringColumn(ModelSummary.LAYER).get(0));
    }

    @Test
    void anInputTheNetworkWasNotBuiltForOrAnUninitialisedNetworkIsRefused() {
        MultiLayerNetwork cnn = Cnns.classic(new ImageShape(28, 28, 1), 10);

        String wrongSize = assertThrows(IllegalArgumentException.class, () -> Flops.of(cnn, InputType.convolutional(32, 32, 1))).getMessage();
        String notImages = assertThrows(IllegalArgumentException.class, () -> Flops.of(cnn, InputType.feedForward(784))).getMessage();
        String uninitialised = assertThrows(IllegalStateException.class,
                () -> Flops.of(new MultiLayerNetwork(cnn.getLayerWiseConfigurations()), InputType.convolutional(28, 28, 1))).getMessage();

        assertTrue(wrongSize.contains("was built for 5,408 values per example but would get 7,200"), wrongSize);
        assertTrue(notImages.startsWith("The network does not take inputs of type InputTypeFeedForward(784)"), notImages);
        assertTrue(uninitialised.contains("call net.init()"), uninitialised);
    }

    @Test
    void layerTypesItDoesNotCountAreNamedAndLeftOutOfTheTotal() {
        MultiLayerNetwork net = initialised(new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).build())
                .layer(new GlobalPoolingLayer.Builder().build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build()),
                InputType.convolutional(8, 8, 1));

        Flops flops = Flops.of(net, InputType.convolutional(8, 8, 1));

        assertEquals(List.of("1: GlobalPoolingLayer"), flops.notCounted());
        assertEquals(2.0 * 6 * 6 * 4 * 9 + 2.0 * 4 * 10, flops.forwardPerExample());
        assertTrue(flops.table().stringColumn(ModelSummary.LAYER).get(3).contains("without 1: GlobalPoolingLayer"));
    }

    @Test
    @RequiresDataset(FASHION_MNIST)
    void theMeasuredRateIsAStepsFlopsOverItsSeconds() {
        LabeledDataset images = FashionMnist.load().train().limit(256);
        MultiLayerNetwork cnn = Cnns.classic(images);
        Flops flops = Flops.of(cnn, images.batchSize(64).iterator().next().getFeatures());

        TrainingBudget budget = TrainingBudget.estimate(cnn, images.batchSize(64).iterator(), 3);
        double perSecond = flops.perSecond(budget);

        System.out.printf("classic CNN, batch 64: %.3g FLOPs per step in %.3f s: %.2f GFLOP/s%n", flops.trainingStep(64),
                budget.secondsPerBatch(), perSecond / 1e9);
        assertEquals(flops.trainingStep(64) / budget.secondsPerBatch(), perSecond, 1e-6 * perSecond);
        assertTrue(perSecond > 1e8 && perSecond < 1e13, "between 0.1 GFLOP/s and 10 TFLOP/s on a CPU: " + perSecond);
    }
}
