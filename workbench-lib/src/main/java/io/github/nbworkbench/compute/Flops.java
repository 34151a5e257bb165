package io.github.nbworkbench.compute;

import io.github.nbworkbench.tables.ReadableNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The arithmetic of a training step, from the layer shapes: forward FLOPs per example, layer by layer,
 * and a training step's, about {@value #TRAINING_PER_FORWARD} times the forward pass. Why 3: the
 * backward pass of a weight layer takes two products as large as its forward one, the gradient for
 * its input (to pass back) and the gradient for its weights.
 *
 * <pre>{@code
 * Flops flops = Flops.of(net, InputType.convolutional(28, 28, 1));   // or Flops.of(net, batch.getFeatures())
 * flops.table();                                   // per layer: output shape, parameters, forward and training FLOPs
 * flops.trainingStep(64);                          // FLOPs of one step on a batch of 64
 * flops.perSecond(TrainingBudget.estimate(net, data.train()));   // FLOP/s this machine reaches in training
 * }</pre>
 *
 * <p>A FLOP is one multiplication or addition (a multiply-add is 2). Counted: dense, output, RNN
 * output, 2-D convolution, subsampling, batch normalisation and LSTM layers (see each formula in
 * {@code LayerFlops}); dropout and activation layers count 0; other layer types are listed by
 * {@link #notCounted()} and left out of the totals.
 */
public final class Flops {

    /** A training step's FLOPs per forward pass: forward 1, backward 2 (input gradients and weight gradients). */
    public static final int TRAINING_PER_FORWARD = 3;

    private final List<LayerFlops> layers;

    private Flops(List<LayerFlops> layers) {
        this.layers = List.copyOf(layers);
    }

    /** The FLOPs of {@code net} on one example of type {@code input}; sequences need their length: {@code InputType.recurrent(n, T)}. */
    public static Flops of(MultiLayerNetwork net, InputType input) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        List<InputType> outputs = conf.getLayerActivationTypes(input);
        List<LayerFlops> layers = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            layers.add(LayerFlops.of(i, conf.getConf(i).getLayer(), outputs.get(i), net.getLayer(i).numParams()));
        }
        return new Flops(layers);
    }

    /** The FLOPs of {@code net} on examples shaped like {@code features}: [N, n], [N, n, T] or [N, C, H, W]. */
    public static Flops of(MultiLayerNetwork net, INDArray features) {
        return of(net, MemoryEstimate.inputTypeOf(features));
    }

    /** FLOPs of one example's forward pass, counted layers only. */
    public double forwardPerExample() {
        return layers.stream().filter(LayerFlops::counted).mapToDouble(LayerFlops::forward).sum();
    }

    /** FLOPs of one example's forward and backward pass: {@value #TRAINING_PER_FORWARD} x forward. */
    public double trainingPerExample() {
        return TRAINING_PER_FORWARD * forwardPerExample();
    }

    /** FLOPs of one training step on a batch of {@code batchSize} examples (the updater's few per parameter left out). */
    public double trainingStep(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be 1 or more, got " + batchSize);
        }
        return trainingPerExample() * batchSize;
    }

    /** The forward FLOPs per example of layer {@code index} (0-based), NaN for a layer type not counted. */
    public double forwardOfLayer(int index) {
        return layers.get(index).forward();
    }

    /** "index: type" of every layer whose type is not counted; empty when the totals cover the whole network. */
    public List<String> notCounted() {
        return layers.stream().filter(layer -> !layer.counted()).map(layer -> layer.index() + ": " + layer.type()).toList();
    }

    /**
     * The FLOP/s this machine reaches in training: a step's FLOPs at the budget's batch size over the
     * budget's measured seconds per step. Compare with the processor's peak (cores x GHz x FLOPs per
     * cycle) to see how much of it DL4J uses.
     */
    public double perSecond(TrainingBudget budget) {
        return trainingStep(budget.batchSize()) / budget.secondsPerBatch();
    }

    /** One row per layer (layer, type, output_shape, parameters, forward_flops, training_flops, per example) and a total row. */
    public Table table() {
        StringColumn names = StringColumn.create("layer");
        StringColumn shapes = StringColumn.create("output_shape");
        LongColumn parameters = LongColumn.create("parameters");
        DoubleColumn forward = DoubleColumn.create("forward_flops");
        DoubleColumn training = DoubleColumn.create("training_flops");
        for (LayerFlops layer : layers) {
            names.append(layer.index() + " " + layer.type());
            shapes.append(layer.outputShape());
            parameters.append(layer.parameters());
            forward.append(layer.forward());
            training.append(TRAINING_PER_FORWARD * layer.forward());
        }
        names.append("total" + (notCounted().isEmpty() ? "" : " (without " + String.join(", ", notCounted()) + ")"));
        shapes.append("");
        parameters.append(layers.stream().mapToLong(LayerFlops::parameters).sum());
        forward.append(forwardPerExample());
        training.append(trainingPerExample());
        return Table.create("FLOPs per example", names, shapes, parameters, ReadableNumbers.apply(forward), ReadableNumbers.apply(training));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4g FLOPs forward, %.4g per training example (%d layers%s)", forwardPerExample(),
                trainingPerExample(), layers.size(), notCounted().isEmpty() ? "" : ", not counted: " + notCounted());
    }
}
