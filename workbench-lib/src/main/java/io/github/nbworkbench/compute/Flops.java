package io.github.nbworkbench.compute;

import io.github.nbworkbench.models.ModelSummary;
import io.github.nbworkbench.tables.ReadableNumbers;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.DoubleColumn;
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
 * output, 1-D and 2-D convolution, subsampling, batch normalisation, LSTM and {@code CausalSelfAttention}
 * layers (see each formula in {@code LayerFlops}); dropout and activation layers count 0; other layer
 * types are listed by {@link #notCounted()} and left out of the totals. A layer frozen for fine-tuning
 * costs its forward pass only in training: DL4J passes no gradient through it.
 */
public final class Flops {

    /** A training step's FLOPs per forward pass: forward 1, backward 2 (input gradients and weight gradients). */
    public static final int TRAINING_PER_FORWARD = 3;
    public static final String FORWARD_FLOPS = "forward_flops";
    public static final String TRAINING_FLOPS = "training_flops";

    private final ModelSummary summary;
    private final List<LayerFlops> layers;

    private Flops(ModelSummary summary, List<LayerFlops> layers) {
        this.summary = summary;
        this.layers = List.copyOf(layers);
    }

    /**
     * The FLOPs of {@code net} on one example of type {@code input}; sequences need their length: {@code InputType.recurrent(n, T)}.
     *
     * @throws IllegalArgumentException when the network was not built for inputs of that type (see {@link ModelSummary#of})
     */
    public static Flops of(MultiLayerNetwork net, InputType input) {
        ModelSummary summary = ModelSummary.of(net, input);
        List<LayerFlops> layers = new ArrayList<>();
        for (int i = 0; i < summary.layers(); i++) {
            layers.add(LayerFlops.of(i, net.getLayerWiseConfigurations().getConf(i).getLayer(), summary.outputType(i)));
        }
        return new Flops(summary, layers);
    }

    /** The FLOPs of {@code net} on examples shaped like {@code features}: [N, n], [N, n, T] or [N, C, H, W]. */
    public static Flops of(MultiLayerNetwork net, INDArray features) {
        return of(net, MemoryEstimate.inputTypeOf(features));
    }

    /** FLOPs of one example's forward pass, counted layers only. */
    public double forwardPerExample() {
        return layers.stream().filter(LayerFlops::counted).mapToDouble(LayerFlops::forward).sum();
    }

    /** FLOPs of one example's forward and backward pass: {@value #TRAINING_PER_FORWARD} x forward, frozen layers forward only. */
    public double trainingPerExample() {
        return layers.stream().filter(LayerFlops::counted).mapToDouble(LayerFlops::training).sum();
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

    /**
     * {@link ModelSummary}'s table ({@code #, layer, output_shape, parameters}) with each layer's
     * {@code forward_flops} and {@code training_flops} per example, and a total row.
     */
    public Table table() {
        Table table = summary.table();
        DoubleColumn forward = DoubleColumn.create(FORWARD_FLOPS);
        DoubleColumn training = DoubleColumn.create(TRAINING_FLOPS);
        for (LayerFlops layer : layers) {
            forward.append(layer.forward());
            training.append(layer.training());
        }
        table.intColumn(ModelSummary.INDEX).appendMissing();
        table.stringColumn(ModelSummary.LAYER).append("total" + (notCounted().isEmpty() ? "" : " (without " + String.join(", ", notCounted()) + ")"));
        table.stringColumn(ModelSummary.OUTPUT_SHAPE).append("");
        table.longColumn(ModelSummary.PARAMETERS).append((long) table.longColumn(ModelSummary.PARAMETERS).sum());
        forward.append(forwardPerExample());
        training.append(trainingPerExample());
        return table.addColumns(ReadableNumbers.apply(forward), ReadableNumbers.apply(training)).setName("FLOPs per example");
    }

    @Override
    public String toString() {
        return ReadableNumbers.format(forwardPerExample()) + " FLOPs forward, " + ReadableNumbers.format(trainingPerExample())
                + " per training example (" + layers.size() + " layers" + (notCounted().isEmpty() ? "" : ", not counted: " + notCounted()) + ")";
    }
}
