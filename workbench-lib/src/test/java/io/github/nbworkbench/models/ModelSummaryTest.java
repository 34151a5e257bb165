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

        assertEquals(List.of("ConvolutionLayer", "SubsamplingLayer", "DenseLayer", "OutputLayer"), summary.stringColumn("layer").asList());
        assertEquals(List.of("[32, 26, 26]", "[32, 13, 13]", "[128]", "[10]"), summary.stringColumn("output shape").asList());
        // Keras' model.summary() of the same network: 320, 0, 692,352 (13 * 13 * 32 * 128 + 128), 1,290; 693,962 in all
        assertEquals(List.of(320L, 0L, 692_352L, 1_290L), summary.longColumn("parameters").asList());
        assertEquals("693,962 parameters", summary.name());
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
