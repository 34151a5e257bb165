package io.github.nbworkbench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ModelSummaryTest {

    @Test
    void theClassicCnnHasTheShapesAndParameterCountsKerasReports() {
        MultiLayerNetwork classic = Cnns.classic(new ImageShape(28, 28, 1), 10);

        Table summary = ModelSummary.of(classic, InputType.convolutional(28, 28, 1)).table();

        assertEquals(List.of("ConvolutionLayer", "SubsamplingLayer", "DenseLayer", "OutputLayer"), summary.stringColumn(ModelSummary.LAYER).asList());
        assertEquals(List.of("[32, 26, 26]", "[32, 13, 13]", "[128]", "[10]"), summary.stringColumn(ModelSummary.OUTPUT_SHAPE).asList());
        // Keras' model.summary() of the same network: 320, 0, 692,352 (13 * 13 * 32 * 128 + 128), 1,290; 693,962 in all
        assertEquals(List.of(320L, 0L, 692_352L, 1_290L), summary.longColumn(ModelSummary.PARAMETERS).asList());
        assertEquals("693,962 parameters", summary.name());
    }

    @Test
    void anImageSizeTheDenseLayerWasNotBuiltForIsRefusedWithTheSizeItWas() {
        MultiLayerNetwork classic = Cnns.classic(new ImageShape(28, 28, 1), 10);

        // DL4J's own walk through the layer types accepts 32x32: only the dense layer's nIn (5,408) tells
        String message = assertThrows(IllegalArgumentException.class,
                () -> ModelSummary.of(classic, InputType.convolutional(32, 32, 1))).getMessage();

        assertTrue(message.contains("layer 2 (DenseLayer) was built for 5,408 values per example but would get 7,200 (layer 1's output [32, 15, 15])"), message);
        assertTrue(message.contains("28x28"), "says the size the network was built for: " + message);
        String channels = assertThrows(IllegalArgumentException.class,
                () -> ModelSummary.of(classic, InputType.convolutional(28, 28, 3))).getMessage();
        assertTrue(channels.contains("layer 0 (ConvolutionLayer) was built for 1 channels but would get 3"), channels);
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
        assertTrue(wrongInput.getMessage().startsWith("The network does not take inputs of type InputTypeFeedForward(784)"),
                wrongInput.getMessage());

        MultiLayerNetwork uninitialised = new MultiLayerNetwork(classic.getLayerWiseConfigurations());
        IllegalStateException notInitialised = assertThrows(IllegalStateException.class,
                () -> ModelSummary.of(uninitialised, InputType.convolutional(28, 28, 1)));
        assertTrue(notInitialised.getMessage().contains("call net.init()"), notInitialised.getMessage());
    }
}
