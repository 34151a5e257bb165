package io.github.nbworkbench.models;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A network layer by layer, as Keras' {@code model.summary()} shows it: each layer's type, the
 * shape of what it outputs for one example, and its number of parameters.
 *
 * <pre>{@code
 * ModelSummary.of(net, InputType.convolutional(28, 28, 1)).table()
 * }</pre>
 *
 * Shapes are channels first, as the workbench's image data: {@code [32, 26, 26]} is 32 feature
 * maps of 26 x 26; {@code [128]} a vector; {@code [64, T]} a sequence of 64 values per time step.
 */
public final class ModelSummary {

    private final MultiLayerNetwork network;
    private final InputType input;

    private ModelSummary(MultiLayerNetwork network, InputType input) {
        this.network = network;
        this.input = input;
    }

    /** The summary of {@code network} for inputs of type {@code input}, e.g. {@code InputType.convolutional(28, 28, 1)}. */
    public static ModelSummary of(MultiLayerNetwork network, InputType input) {
        if (network.getLayers() == null) {
            throw new IllegalStateException("The network is not initialised: call net.init() before summarising it");
        }
        return new ModelSummary(network, input);
    }

    /** One row per layer: #, type, output shape, parameters; the caption gives the total. */
    public Table table() {
        List<InputType> outputs = outputTypes();
        Layer[] layers = network.getLayers();
        Table table = Table.create(String.format("%,d parameters", network.numParams())).addColumns(
                IntColumn.create("#"), StringColumn.create("layer"), StringColumn.create("output shape"),
                LongColumn.create("parameters"));
        for (int i = 0; i < layers.length; i++) {
            table.intColumn(0).append(i);
            table.stringColumn(1).append(layers[i].conf().getLayer().getClass().getSimpleName());
            table.stringColumn(2).append(shapeOf(outputs.get(i)));
            table.longColumn(3).append(layers[i].numParams());
        }
        return table;
    }

    /** The shape of one example at the output of layer {@code index}, e.g. {@code [32, 26, 26]}. */
    public String outputShape(int index) {
        return shapeOf(outputTypes().get(index));
    }

    private List<InputType> outputTypes() {
        try {
            return network.getLayerWiseConfigurations().getLayerActivationTypes(input);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The network does not take inputs of type " + input + ": " + e.getMessage()
                    + ". Give the input type its first layer expects, e.g. InputType.convolutional(height, width, channels)"
                    + " for images or InputType.feedForward(n) for vectors", e);
        }
    }

    private static String shapeOf(InputType type) {
        if (type instanceof InputType.InputTypeConvolutional c) {
            return "[" + c.getChannels() + ", " + c.getHeight() + ", " + c.getWidth() + "]";
        }
        if (type instanceof InputType.InputTypeFeedForward f) {
            return "[" + f.getSize() + "]";
        }
        if (type instanceof InputType.InputTypeRecurrent r) {
            return "[" + r.getSize() + ", " + (r.getTimeSeriesLength() > 0 ? r.getTimeSeriesLength() : "T") + "]";
        }
        return "[" + type.arrayElementsPerExample() + "]";
    }
}
