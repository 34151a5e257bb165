package io.github.nbworkbench.models;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * A network layer by layer, as Keras' {@code model.summary()} shows it: each layer's type, the
 * shape of what it outputs for one example, and its number of parameters; layers frozen for
 * fine-tuning ({@link FineTuning}) say so, and the caption counts their parameters apart.
 *
 * <pre>{@code
 * ModelSummary.of(net, InputType.convolutional(28, 28, 1)).table()
 * }</pre>
 *
 * Shapes are channels first, as the workbench's image data: {@code [32, 26, 26]} is 32 feature
 * maps of 26 x 26; {@code [128]} a vector; {@code [64, T]} a sequence of 64 values per time step.
 * An input the network was not built for is refused, also where DL4J would only notice when the
 * layer runs (a dense layer built for 5,408 inputs that would get 7,200).
 */
public final class ModelSummary {

    public static final String INDEX = "#";
    public static final String LAYER = "layer";
    public static final String OUTPUT_SHAPE = "output_shape";
    public static final String PARAMETERS = "parameters";

    private final MultiLayerNetwork network;
    private final List<InputType> outputs;

    private ModelSummary(MultiLayerNetwork network, List<InputType> outputs) {
        this.network = network;
        this.outputs = outputs;
    }

    /**
     * The summary of {@code network} for inputs of type {@code input}, e.g. {@code InputType.convolutional(28, 28, 1)}.
     *
     * @throws IllegalStateException    when the network is not initialised
     * @throws IllegalArgumentException when the network cannot take inputs of that type
     */
    public static ModelSummary of(MultiLayerNetwork network, InputType input) {
        if (network.getLayers() == null) {
            throw new IllegalStateException("The network is not initialised: call net.init() before summarising it"
                    + " (a network from Cnns, Mlps, Rnns or Transformers is initialised already)");
        }
        return new ModelSummary(network, outputTypes(network, input));
    }

    /** One row per layer: {@code #, layer, output_shape, parameters}; the caption gives the total and the frozen share. */
    public Table table() {
        IntColumn indices = IntColumn.create(INDEX);
        StringColumn types = StringColumn.create(LAYER);
        StringColumn shapes = StringColumn.create(OUTPUT_SHAPE);
        LongColumn parameters = LongColumn.create(PARAMETERS);
        long frozen = 0;
        for (int i = 0; i < outputs.size(); i++) {
            Layer layer = layer(i);
            indices.append(i);
            types.append(typeOf(layer));
            shapes.append(outputShape(i));
            parameters.append(parametersOf(i));
            frozen += isFrozen(layer) ? parametersOf(i) : 0;
        }
        parameters.setPrintFormatter(NumberColumnFormatter.ints());
        String caption = String.format("%,d parameters", network.numParams()) + (frozen > 0 ? String.format(", %,d of them frozen", frozen) : "");
        return Table.create(caption, indices, types, shapes, parameters);
    }

    /** The number of layers. */
    public int layers() {
        return outputs.size();
    }

    /** The shape of one example at the output of layer {@code index}, e.g. {@code [32, 26, 26]}. */
    public String outputShape(int index) {
        return shapeOf(outputType(index));
    }

    /** The type of what layer {@code index} (0-based) outputs for one example. */
    public InputType outputType(int index) {
        return outputs.get(index);
    }

    private Layer layer(int index) {
        return network.getLayerWiseConfigurations().getConf(index).getLayer();
    }

    private long parametersOf(int index) {
        return network.getLayer(index).numParams();
    }

    /** The layer a frozen layer wraps, or {@code layer} itself. */
    public static Layer unfrozen(Layer layer) {
        if (layer instanceof FrozenLayer frozen) {
            return frozen.getLayer();
        }
        return layer instanceof FrozenLayerWithBackprop frozen ? frozen.getUnderlying() : layer;
    }

    /** True for a layer whose parameters do not train (wrapped by {@link FineTuning#freezeThrough} or DL4J's TransferLearning). */
    public static boolean isFrozen(Layer layer) {
        return layer instanceof FrozenLayer || layer instanceof FrozenLayerWithBackprop;
    }

    /** The layer's type as the table shows it: {@code DenseLayer}, or {@code DenseLayer (frozen)}. */
    private static String typeOf(Layer layer) {
        return unfrozen(layer).getClass().getSimpleName() + (isFrozen(layer) ? " (frozen)" : "");
    }

    /**
     * What each layer outputs for {@code input}, layer by layer, after checking that each layer built
     * for a number of inputs ({@code nIn}) gets that many: DL4J's own walk through the types does not.
     */
    private static List<InputType> outputTypes(MultiLayerNetwork network, InputType input) {
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        List<InputType> outputs = new ArrayList<>();
        InputType current = input;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            Layer layer = conf.getConf(i).getLayer();
            try {
                InputPreProcessor preProcessor = conf.getInputPreProcess(i);
                InputType in = preProcessor == null ? current : preProcessor.getOutputType(current);
                checkInputSize(i, unfrozen(layer), in, current);
                current = layer.getOutputType(i, in);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("The network does not take inputs of type " + input + ": " + e.getMessage()
                        + ". " + advice(network, input), e);
            }
            outputs.add(current);
        }
        return outputs;
    }

    /** {@code in} is what the layer gets, {@code before} the same before the layer's preprocessor (flattening, for one). */
    private static void checkInputSize(int index, Layer layer, InputType in, InputType before) {
        if (!(layer instanceof FeedForwardLayer sized) || sized.getNIn() <= 0) {
            return;
        }
        long given = in instanceof InputType.InputTypeFeedForward f ? f.getSize()
                : in instanceof InputType.InputTypeRecurrent r ? r.getSize()
                : in instanceof InputType.InputTypeConvolutional c ? c.getChannels() : sized.getNIn();
        if (given != sized.getNIn()) {
            String what = in instanceof InputType.InputTypeConvolutional ? " channels" : " values per example";
            throw new IllegalArgumentException("layer " + index + " (" + layer.getClass().getSimpleName() + ") was built for "
                    + String.format("%,d", sized.getNIn()) + what + " but would get " + String.format("%,d", given) + " ("
                    + (index == 0 ? "the input " : "layer " + (index - 1) + "'s output ") + shapeOf(before) + ")");
        }
    }

    private static String advice(MultiLayerNetwork network, InputType input) {
        if (input instanceof InputType.InputTypeConvolutional image) {
            long[] shape = {1, image.getChannels(), image.getHeight(), image.getWidth()};
            var images = ConvInputAdvice.forShape(network, shape);
            if (images.isPresent()) {
                return images.get();
            }
        }
        return "Give the input type the network was built for: InputType.convolutional(height, width, channels) for images,"
                + " InputType.feedForward(n) for vectors, InputType.recurrent(n) for sequences";
    }

    /** A channels-first shape without the batch axis: {@code [32, 26, 26]}, {@code [128]}, {@code [64, T]} for sequences of any length. */
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
