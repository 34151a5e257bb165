package io.github.nbworkbench.compute;

import io.github.nbworkbench.train.TrainableModel;
import java.util.Locale;
import java.util.OptionalLong;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What training keeps in memory for every parameter: the weights, their gradients and the
 * optimizer's state, read from the network itself (Adam keeps two values per parameter, its running
 * means of the gradient and of its square; SGD none), and the same recipe extrapolated to models of a
 * billion parameters and more. These grow with the parameters, whatever the batch; the activations
 * grow with the batch and are estimated apart ({@link #of(Model, INDArray, int)}).
 *
 * <pre>{@code
 * TrainingMemory memory = TrainingMemory.of(net);
 * memory.bytesPerParameter();                     // 16 with Adam in float32: 4 weight + 4 gradient + 8 optimizer state
 * memory.forParameters(7e9).totalBytes();         // 112 GB before a single activation
 * TrainingMemory.of(net, sample.getFeatures(), 64).table();   // with a batch's activations, apart
 * }</pre>
 *
 * <p>The table's last column is a what-if, 16-bit weights: mixed-precision training stores weights
 * and gradients in 16 bits (2 bytes each) but keeps a float32 master copy of the weights for the
 * optimizer beside its float32 state, so with Adam it needs 2 + 2 + (4 + 8) = 16 bytes per parameter,
 * as many as float32 (its savings are in activations and speed, on hardware with 16-bit arithmetic).
 * That column is arithmetic: DL4J 1.0.0-M2.1 does not train in mixed precision.
 */
public final class TrainingMemory {

    /** Bytes of a 16-bit value and of the float32 master copy and optimizer state of mixed-precision training. */
    private static final int HALF_BYTES = 2;
    private static final int FLOAT_BYTES = 4;

    private final double parameters;
    private final double weightBytesPerParameter;
    private final double gradientBytesPerParameter;
    private final double stateBytesPerParameter;
    private final double stateValuesPerParameter;
    private final long activationBytes;
    private final int activationBatch;

    private TrainingMemory(double parameters, double weightBytesPerParameter, double gradientBytesPerParameter,
            double stateBytesPerParameter, double stateValuesPerParameter, long activationBytes, int activationBatch) {
        this.parameters = parameters;
        this.weightBytesPerParameter = weightBytesPerParameter;
        this.gradientBytesPerParameter = gradientBytesPerParameter;
        this.stateBytesPerParameter = stateBytesPerParameter;
        this.stateValuesPerParameter = stateValuesPerParameter;
        this.activationBytes = activationBytes;
        this.activationBatch = activationBatch;
    }

    /**
     * The memory {@code model} (an initialised MultiLayerNetwork or ComputationGraph) keeps for its
     * parameters in training: the sizes of its parameter, gradient and updater-state arrays. Makes the
     * network's updater if it has none yet, as its first training step would.
     *
     * @throws IllegalStateException when the network is not initialised
     */
    public static TrainingMemory of(Model model) {
        if (model instanceof MultiLayerNetwork net && net.getLayers() == null || model instanceof ComputationGraph graph && graph.getLayers() == null) {
            throw new IllegalStateException("The network is not initialised, so it has no parameters to measure yet: call net.init()"
                    + " before TrainingMemory.of(net) (a network from Cnns, Mlps, Rnns or Transformers is initialised already)");
        }
        TrainableModel trainable = TrainableModel.of(model);
        INDArray params = trainable.params();
        INDArray state = trainable.updaterState();    // made with the updater, and so is the gradient view
        INDArray gradient = trainable.gradient();
        double count = params.length();
        long stateValues = state == null ? 0 : state.length();
        return new TrainingMemory(count, params.dataType().width(), (double) gradient.length() * gradient.dataType().width() / count,
                state == null ? 0 : (double) stateValues * state.dataType().width() / count, stateValues / count, -1, 0);
    }

    /**
     * {@link #of(Model)} plus DL4J's estimate of what one training batch of {@code batchSize} examples
     * shaped like {@code features} ([N, n], [N, n, T] or [N, C, H, W]) adds: activations, their
     * gradients and working memory. Reported apart: it grows with the batch and the layers' outputs, not
     * with the parameters.
     */
    public static TrainingMemory of(Model model, INDArray features, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be 1 or more, got " + batchSize);
        }
        TrainingMemory memory = of(model);
        return new TrainingMemory(memory.parameters, memory.weightBytesPerParameter, memory.gradientBytesPerParameter,
                memory.stateBytesPerParameter, memory.stateValuesPerParameter, MemoryEstimate.activationBytes(model, features, batchSize),
                batchSize);
    }

    /**
     * The same recipe (bytes per value, optimizer state per parameter) for a model of {@code parameters}
     * parameters, e.g. {@code 7e9}; without activations, which depend on the architecture and the batch.
     */
    public TrainingMemory forParameters(double parameters) {
        if (!(parameters >= 1)) {
            throw new IllegalArgumentException("A model has 1 parameter or more, got " + parameters);
        }
        return new TrainingMemory(parameters, weightBytesPerParameter, gradientBytesPerParameter, stateBytesPerParameter,
                stateValuesPerParameter, -1, 0);
    }

    /**
     * The what-if of mixed-precision training: 16-bit weights and gradients, the optimizer's state and
     * a master copy of the weights in float32 (counted as optimizer state), for as many parameters.
     */
    public TrainingMemory withSixteenBitWeights() {
        return new TrainingMemory(parameters, HALF_BYTES, HALF_BYTES, FLOAT_BYTES * (stateValuesPerParameter + 1),
                stateValuesPerParameter, -1, 0);
    }

    public double parameters() {
        return parameters;
    }

    public double weightBytes() {
        return parameters * weightBytesPerParameter;
    }

    public double gradientBytes() {
        return parameters * gradientBytesPerParameter;
    }

    public double optimizerStateBytes() {
        return parameters * stateBytesPerParameter;
    }

    /** Values the optimizer keeps per parameter: 2 for Adam, 1 for momentum, 0 for SGD (less when some layers keep none). */
    public double optimizerStateValuesPerParameter() {
        return stateValuesPerParameter;
    }

    /** Weights, gradients and optimizer state; activations not included. */
    public double totalBytes() {
        return weightBytes() + gradientBytes() + optimizerStateBytes();
    }

    public double bytesPerParameter() {
        return weightBytesPerParameter + gradientBytesPerParameter + stateBytesPerParameter;
    }

    /** DL4J's estimate of a training batch's activations, their gradients and working memory, when asked for with {@link #of(Model, INDArray, int)}. */
    public OptionalLong activationBytes() {
        return activationBytes < 0 ? OptionalLong.empty() : OptionalLong.of(activationBytes);
    }

    /**
     * Rows weights, gradients, optimizer state, total, per parameter (and, made with {@link #of(Model, INDArray, int)},
     * the batch's activations, apart); columns this model, 1B and 7B parameters, and 7B with 16-bit weights.
     */
    public Table table() {
        TrainingMemory[] columns = {this, forParameters(1e9), forParameters(7e9), forParameters(7e9).withSixteenBitWeights()};
        String[] names = {String.format(Locale.ROOT, "this model (%,.0f parameters)", parameters), "1B parameters", "7B parameters",
                "7B, 16-bit weights"};
        Table table = Table.create("Memory for training, beside the activations", StringColumn.create("memory",
                "weights", "gradients", "optimizer state", "total", "per parameter"));
        if (activationBytes >= 0) {
            table.stringColumn("memory").append("activations, batch of " + activationBatch + " (DL4J's estimate, not in the total)");
        }
        for (int i = 0; i < columns.length; i++) {
            TrainingMemory memory = columns[i];
            StringColumn column = StringColumn.create(names[i], ByteSizes.readable(memory.weightBytes()),
                    ByteSizes.readable(memory.gradientBytes()), ByteSizes.readable(memory.optimizerStateBytes()),
                    ByteSizes.readable(memory.totalBytes()), String.format(Locale.ROOT, "%.3g B", memory.bytesPerParameter()));
            if (activationBytes >= 0) {
                column.append(memory.activationBytes >= 0 ? ByteSizes.readable(memory.activationBytes) : "depends on the layers");
            }
            table.addColumns(column);
        }
        return table;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,.0f parameters: %s weights + %s gradients + %s optimizer state = %s (%.3g bytes per parameter)",
                parameters, ByteSizes.readable(weightBytes()), ByteSizes.readable(gradientBytes()), ByteSizes.readable(optimizerStateBytes()),
                ByteSizes.readable(totalBytes()), bytesPerParameter());
    }
}
