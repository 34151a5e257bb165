package io.github.nbworkbench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import tech.tablesaw.api.Table;

class ModelSummaryTest {

    @Test
    void theClassicCnnHasTheShapesAndParameterCountsKerasReports() {
        MultiLayerNetwork classic = Cnns.classic(new ImageShape(28, 28, 1), 10);

        Table summary = ModelSummary.of(classic, InputType.convolutional(28, 28, 1)).table();

        assertEquals(List.of("Im2colConvolution", "SubsamplingLayer", "DenseLayer", "OutputLayer"), summary.stringColumn(ModelSummary.LAYER).asList());
        assertEquals(List.of("[32, 26, 26]", "[32, 13, 13]", "[128]", "[10]"), summary.stringColumn(ModelSummary.OUTPUT_SHAPE).asList());
        // Keras' model.summary() of the same network: 320, 0, 692,352 (13 * 13 * 32 * 128 + 128), 1,290; 693,962 in all
        assertEquals(List.of(320L, 0L, 692_352L, 1_290L), summary.longColumn(ModelSummary.PARAMETERS).asList());
        assertEquals("693,962 parameters", summary.name());
        assertTrue(ModelSummary.of(classic, InputType.convolutional(28, 28, 1)).toString().contains("692,352"), "the table as text");
    }

    @Test
    void anImageSizeTheDenseLayerWasNotBuiltForIsRefusedWithTheSizeItWas() {
        MultiLayerNetwork classic = Cnns.classic(new ImageShape(28, 28, 1), 10);

        // DL4J's own walk through the layer types accepts 32x32: only the dense layer's nIn (5,408) tells
        String message = assertThrows(IllegalArgumentException.class,
                () -> ModelSummary.of(classic, InputType.convolutional(32, 32, 1))).getMessage();

        assertTrue(message.contains("layer 2 (DenseLayer) was built for 5,408 values per example but would get 7,200 (layer 1's output [32, 15, 15])"), message);
        assertTrue(message.endsWith("This network was built for InputType.convolutional(28, 28, 1) (images with 1 channel)"), message);
        String channels = assertThrows(IllegalArgumentException.class,
                () -> ModelSummary.of(classic, InputType.convolutional(28, 28, 3))).getMessage();
        assertTrue(channels.contains("layer 0 (Im2colConvolution) was built for 1 channels but would get 3"), channels);
    }

    @Test
    void frozenLayersSayTheyAreFrozenAndTheCaptionCountsTheirParameters() {
        MultiLayerNetwork pretrained = Mlps.classifier().hiddenSizes(32).build(784, 10);
        MultiLayerNetwork fineTuned = FineTuning.of(pretrained).freezeThrough(0).newOutput(5).network();

        Table summary = ModelSummary.of(fineTuned, InputType.feedForward(784)).table();

        assertEquals(List.of("DenseLayer (frozen)", "OutputLayer"), summary.stringColumn(ModelSummary.LAYER).asList());
        assertEquals("25,285 parameters, 25,120 of them frozen", summary.name(), "784 x 32 + 32 frozen, 32 x 5 + 5 trained");
    }

    @Test
    void aComputationGraphIsShownVertexByVertexWithItsInputs() {
        var conf = new NeuralNetConfiguration.Builder().seed(42).updater(new Adam(1e-3)).graphBuilder()
                .addInputs("in")
                .addLayer("left", new DenseLayer.Builder().nIn(30).nOut(16).activation(Activation.RELU).build(), "in")
                .addLayer("right", new DenseLayer.Builder().nIn(30).nOut(8).activation(Activation.RELU).build(), "in")
                .addVertex("both", new MergeVertex(), "left", "right")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(24).nOut(2).activation(Activation.SOFTMAX).build(),
                        "both")
                .setOutputs("out")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();

        Table summary = ModelSummary.of(graph, InputType.feedForward(30)).table();

        assertEquals(List.of("left", "right", "both", "out"), summary.stringColumn(ModelSummary.VERTEX).asList());
        assertEquals(List.of("DenseLayer", "DenseLayer", "MergeVertex", "OutputLayer"), summary.stringColumn(ModelSummary.LAYER).asList());
        assertEquals(List.of("in", "in", "left, right", "both"), summary.stringColumn(ModelSummary.INPUTS).asList());
        assertEquals(List.of("[16]", "[8]", "[24]", "[2]"), summary.stringColumn(ModelSummary.OUTPUT_SHAPE).asList());
        assertEquals(List.of(496L, 248L, 0L, 50L), summary.longColumn(ModelSummary.PARAMETERS).asList());
        assertEquals("794 parameters", summary.name());

        String wrongSize = assertThrows(IllegalArgumentException.class, () -> ModelSummary.of(graph, InputType.feedForward(20))).getMessage();
        assertTrue(wrongSize.contains("layer 'left' was built for 30 values per example but would get 20 (the output of 'in' [20])"), wrongSize);
        String twoTypes = assertThrows(IllegalArgumentException.class,
                () -> ModelSummary.of(graph, InputType.feedForward(30), InputType.feedForward(30))).getMessage();
        assertEquals("The graph has 1 input [in] but 2 input types were given: give one per input, in that order", twoTypes);
        assertEquals("[16]", ModelSummary.of(graph, InputType.feedForward(30)).outputShape(0), "the wrong type left the graph as it was");
        assertEquals(30, ((DenseLayer) ((LayerVertex) graph.getConfiguration().getVertices().get("left")).getLayerConf().getLayer()).getNIn());
    }

    @Test
    void aRecurrentNetworkShowsSequencesOfUnknownLength() {
        MultiLayerNetwork lstm = Rnns.charLstm().hiddenSize(32).layers(1).build(20);

        ModelSummary summary = ModelSummary.of(lstm, InputType.recurrent(20));

        assertEquals("[32, T]", summary.outputShape(0));
        assertEquals("[20, T]", summary.outputShape(1));
    }

    @Test
    void anInputTheNetworkCannotTakeAndAnUninitialisedNetworkAreExplained() {
        MultiLayerNetwork classic = Cnns.classic(new ImageShape(28, 28, 1), 10);
        IllegalArgumentException wrongInput = assertThrows(IllegalArgumentException.class,
                () -> ModelSummary.of(classic, InputType.feedForward(784)).table());
        assertTrue(wrongInput.getMessage().startsWith("The network does not take inputs of type InputTypeFeedForward(784): Invalid input"
                + " for Convolution layer"), wrongInput.getMessage());

        MultiLayerNetwork uninitialised = new MultiLayerNetwork(classic.getLayerWiseConfigurations());
        IllegalStateException notInitialised = assertThrows(IllegalStateException.class,
                () -> ModelSummary.of(uninitialised, InputType.convolutional(28, 28, 1)));
        assertTrue(notInitialised.getMessage().contains("call net.init()"), notInitialised.getMessage());
    }
}
