package io.github.nbworkbench.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * A network layer by layer, as Keras' {@code model.summary()} shows it: each layer's type, the
 * shape of what it outputs for one example, and its number of parameters; layers frozen for
 * fine-tuning ({@link FineTuning}) say so, and the caption counts their parameters apart. A
 * ComputationGraph is shown vertex by vertex in the order it computes them, with each vertex's name
 * and inputs.
 *
 * <pre>{@code
 * ModelSummary.of(net, InputType.convolutional(28, 28, 1)).table()
 * ModelSummary.of(graph, InputType.feedForward(30)).table()      // one input type per graph input
 * }</pre>
 *
 * Shapes are channels first, as the workbench's image data: {@code [32, 26, 26]} is 32 feature
 * maps of 26 x 26; {@code [128]} a vector; {@code [64, T]} a sequence of 64 values per time step.
 * An input the network was not built for is refused, also where DL4J would only notice when the
 * layer runs (a dense layer built for 5,408 inputs that would get 7,200).
 */
public final class ModelSummary {

    public static final String INDEX = "#";
    public static final String VERTEX = "vertex";
    public static final String LAYER = "layer";
    public static final String INPUTS = "inputs";
    public static final String OUTPUT_SHAPE = "output_shape";
    public static final String PARAMETERS = "parameters";

    private static final String NOT_INITIALISED = "The network is not initialised: call net.init() before summarising it"
            + " (a network from Cnns, Mlps, Rnns or Transformers is initialised already)";
    private static final String GENERAL_ADVICE = "Give the input type the network was built for: InputType.convolutional(height, width,"
            + " channels) for images, InputType.feedForward(n) for vectors, InputType.recurrent(n) for sequences";

    /** One layer (or graph vertex); {@code name} and {@code inputs} are null for a MultiLayerNetwork's layers. */
    private record Row(String name, String type, List<String> inputs, InputType output, long parameters, boolean frozen) {
    }

    private final List<Row> rows;
    private final boolean graph;

    private ModelSummary(List<Row> rows, boolean graph) {
        this.rows = List.copyOf(rows);
        this.graph = graph;
    }

    /**
     * The summary of {@code network} for inputs of type {@code input}, e.g. {@code InputType.convolutional(28, 28, 1)}.
     *
     * @throws IllegalStateException    when the network is not initialised
     * @throws IllegalArgumentException when the network cannot take inputs of that type
     */
    public static ModelSummary of(MultiLayerNetwork network, InputType input) {
        if (network.getLayers() == null) {
            throw new IllegalStateException(NOT_INITIALISED);
        }
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        List<Row> rows = new ArrayList<>();
        InputType current = input;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            Layer layer = conf.getConf(i).getLayer();
            try {
                InputPreProcessor preProcessor = conf.getInputPreProcess(i);
                InputType in = preProcessor == null ? current : preProcessor.getOutputType(current);
                InputType out = layer.getOutputType(i, in);
                checkInputSize(i + " (" + unfrozen(layer).getClass().getSimpleName() + ")", unfrozen(layer), in,
                        (i == 0 ? "the input " : "layer " + (i - 1) + "'s output ") + shapeOf(current));
                current = out;
            } catch (RuntimeException e) {
                throw notTaken(input.toString(), e, builtFor(network).map(type -> "This network was built for " + type).orElse(GENERAL_ADVICE));
            }
            rows.add(new Row(null, typeOf(layer), null, current, network.getLayer(i).numParams(), isFrozen(layer)));
        }
        return new ModelSummary(rows, false);
    }

    /**
     * The summary of {@code graph} for inputs of the given types, one per graph input in the order of
     * its {@code addInputs(...)}.
     *
     * @throws IllegalStateException    when the graph is not initialised
     * @throws IllegalArgumentException when the graph cannot take inputs of those types
     */
    public static ModelSummary of(ComputationGraph graph, InputType... inputs) {
        if (graph.getVertices() == null) {
            throw new IllegalStateException(NOT_INITIALISED);
        }
        ComputationGraphConfiguration conf = graph.getConfiguration();
        List<String> inputNames = conf.getNetworkInputs();
        if (inputs.length != inputNames.size()) {
            throw new IllegalArgumentException("The graph has " + inputNames.size() + " input" + (inputNames.size() == 1 ? " " : "s ")
                    + inputNames + " but " + inputs.length + " input types were given: give one per input, in that order");
        }
        String given = List.of(inputs).toString();
        Map<String, InputType> outputs;
        try {
            // on a copy: DL4J sets every layer's nIn from the types as it goes, which would break the graph for a wrong type
            outputs = conf.clone().getLayerActivationTypes(inputs);
        } catch (RuntimeException e) {
            throw notTaken(given, e, GENERAL_ADVICE);
        }
        List<Row> rows = new ArrayList<>();
        for (String name : conf.getTopologicalOrderStr()) {
            if (inputNames.contains(name)) {
                continue;
            }
            GraphVertex vertex = conf.getVertices().get(name);
            List<String> vertexInputs = conf.getVertexInputs().get(name);
            long parameters = graph.getVertex(name).numParams();
            if (vertex instanceof LayerVertex layerVertex) {
                Layer layer = layerVertex.getLayerConf().getLayer();
                String source = vertexInputs.get(0);
                InputType before = outputs.get(source);
                try {
                    InputType in = layerVertex.getPreProcessor() == null ? before : layerVertex.getPreProcessor().getOutputType(before);
                    checkInputSize("'" + name + "'", unfrozen(layer), in, "the output of '" + source + "' " + shapeOf(before));
                } catch (RuntimeException e) {
                    throw notTaken(given, e, GENERAL_ADVICE);
                }
                rows.add(new Row(name, typeOf(layer), vertexInputs, outputs.get(name), parameters, isFrozen(layer)));
            } else {
                rows.add(new Row(name, vertex.getClass().getSimpleName(), vertexInputs, outputs.get(name), parameters, false));
            }
        }
        return new ModelSummary(rows, true);
    }

    /**
     * One row per layer: {@code #, layer, output_shape, parameters} (a graph's rows also {@code vertex} and
     * {@code inputs}); the caption gives the total and the frozen share.
     */
    public Table table() {
        IntColumn indices = IntColumn.create(INDEX);
        StringColumn names = StringColumn.create(VERTEX);
        StringColumn types = StringColumn.create(LAYER);
        StringColumn inputs = StringColumn.create(INPUTS);
        StringColumn shapes = StringColumn.create(OUTPUT_SHAPE);
        LongColumn parameters = LongColumn.create(PARAMETERS);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            indices.append(i);
            names.append(row.name());
            types.append(row.type());
            inputs.append(row.inputs() == null ? "" : String.join(", ", row.inputs()));
            shapes.append(outputShape(i));
            parameters.append(row.parameters());
        }
        parameters.setPrintFormatter(NumberColumnFormatter.intsWithGrouping());
        long total = rows.stream().mapToLong(Row::parameters).sum();
        long frozen = rows.stream().filter(Row::frozen).mapToLong(Row::parameters).sum();
        String caption = String.format("%,d parameters", total) + (frozen > 0 ? String.format(", %,d of them frozen", frozen) : "");
        return graph ? Table.create(caption, indices, names, types, inputs, shapes, parameters)
                : Table.create(caption, indices, types, shapes, parameters);
    }

    /** The table as text, for a cell that shows the summary itself rather than its {@link #table()}. */
    @Override
    public String toString() {
        return table().print();
    }

    /** The number of layers (a graph's vertices, its inputs left out). */
    public int layers() {
        return rows.size();
    }

    /** The shape of one example at the output of layer {@code index}, e.g. {@code [32, 26, 26]}. */
    public String outputShape(int index) {
        return shapeOf(outputType(index));
    }

    /** The type of what layer {@code index} (0-based; a graph's vertices in the order it computes them) outputs for one example. */
    public InputType outputType(int index) {
        return rows.get(index).output();
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

    /** Refuses a layer built for a number of inputs ({@code nIn}) that would get another: DL4J's own walk through the types does not. */
    private static void checkInputSize(String layerName, Layer layer, InputType in, String source) {
        if (!(layer instanceof FeedForwardLayer sized) || sized.getNIn() <= 0) {
            return;
        }
        long given = in instanceof InputType.InputTypeFeedForward f ? f.getSize()
                : in instanceof InputType.InputTypeRecurrent r ? r.getSize()
                : in instanceof InputType.InputTypeConvolutional c ? c.getChannels() : sized.getNIn();
        if (given != sized.getNIn()) {
            String what = in instanceof InputType.InputTypeConvolutional ? " channels" : " values per example";
            throw new IllegalArgumentException("layer " + layerName + " was built for " + String.format("%,d", sized.getNIn()) + what
                    + " but would get " + String.format("%,d", given) + " (" + source + ")");
        }
    }

    private static IllegalArgumentException notTaken(String input, RuntimeException cause, String advice) {
        return new IllegalArgumentException("The network does not take inputs of type " + input + ": " + cause.getMessage() + ". " + advice,
                cause);
    }

    /** The input type {@code network} was built for, as the call that makes it, e.g. {@code InputType.convolutional(28, 28, 1)}; empty when its first layer does not say. */
    private static Optional<String> builtFor(MultiLayerNetwork network) {
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        Layer first = unfrozen(conf.getConf(0).getLayer());
        if (conf.getInputPreProcess(0) instanceof FeedForwardToCnnPreProcessor flat) {
            return Optional.of("InputType.convolutionalFlat(" + flat.getInputHeight() + ", " + flat.getInputWidth() + ", " + flat.getNumChannels()
                    + "): images as flat rows of " + flat.getInputHeight() * flat.getInputWidth() * flat.getNumChannels() + " values");
        }
        if (!(first instanceof FeedForwardLayer sized) || sized.getNIn() <= 0) {
            return Optional.empty();
        }
        long n = sized.getNIn();
        if (first instanceof Convolution1DLayer || first instanceof BaseRecurrentLayer) {
            return Optional.of("InputType.recurrent(" + n + ") (sequences of " + n + " values per time step; give the length too,"
                    + " InputType.recurrent(" + n + ", timeSteps), to count FLOPs)");
        }
        if (first instanceof ConvolutionLayer) {
            return Optional.of(ConvInputAdvice.expectedSide(conf, (int) n).map(side -> "InputType.convolutional(" + side + ", " + side + ", " + n + ")")
                    .orElse("InputType.convolutional(height, width, " + n + ")") + " (images with " + n + " channel" + (n == 1 ? "" : "s") + ")");
        }
        return Optional.of("InputType.feedForward(" + n + ") (vectors of " + n + " values)");
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
