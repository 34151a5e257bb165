package io.github.nbworkbench.layers;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nbworkbench.train.Trainer;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class InputGradientsTest {

    private static LSTM lstm(int nIn) {
        return new LSTM.Builder().nIn(nIn).nOut(8).activation(Activation.TANH).build();
    }

    private static MultiLayerNetwork twoLstms(boolean secondSkips) {
        FusedLstm second = FusedLstm.of(lstm(8));
        var conf = new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(FusedLstm.of(lstm(5)).withoutInputGradient())
                .layer(secondSkips ? second.withoutInputGradient() : second)
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(8).nOut(5).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    @Test
    void aFirstLayerMaySkipItsInputGradientAndALaterOneMayNot() {
        assertDoesNotThrow(() -> InputGradients.check(twoLstms(false)));

        DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, 4, 5, 6), Nd4j.zeros(DataType.FLOAT, 4, 5, 6).putScalar(0, 1));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Trainer.of(twoLstms(true)).quiet().fit(new ListDataSetIterator<>(batch.asList(), 2)));
        assertEquals("Layer 1 (FusedLstm 'layer1') skips its input's gradient (withoutInputGradient()), so layer 0 below it would get no "
                + "gradient to learn from: only a layer fed by the network's input may skip it. Leave out withoutInputGradient() there.",
                refused.getMessage());
    }

    @Test
    void inAGraphOnlyALayerFedByTheNetworksInputMaySkipIt() {
        var graph = new NeuralNetConfiguration.Builder().seed(1).graphBuilder().addInputs("image")
                .setInputTypes(InputType.convolutional(8, 8, 1))
                .addLayer("conv1", new Im2colConvolution(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU))
                        .withoutInputGradient(), "image")
                .addLayer("conv2", new Im2colConvolution(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU))
                        .withoutInputGradient(), "conv1")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).nOut(2).build(),
                        "conv2")
                .setOutputs("out").build();
        ComputationGraph network = new ComputationGraph(graph);
        network.init();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> InputGradients.check(network));
        assertEquals("Vertex 'conv2' (Im2colConvolution 'conv2') skips its input's gradient (withoutInputGradient()), so the vertices "
                + "feeding it [conv1] would get no gradient to learn from: only a layer fed by the network's input may skip it. "
                + "Leave out withoutInputGradient() there.", refused.getMessage());
    }
}
