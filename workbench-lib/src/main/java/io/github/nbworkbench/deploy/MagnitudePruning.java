package io.github.nbworkbench.deploy;

import io.github.nbworkbench.train.Callback;
import io.github.nbworkbench.train.TrainingContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Magnitude pruning while fine-tuning, as a training callback: the smallest weights of every dense,
 * output and 2D convolution layer are set to zero, more of them as training goes on, following the
 * polynomial schedule of TensorFlow's model-optimization toolkit,
 * {@code s(t) = final + (initial - final) * (1 - (t - begin) / (end - begin))^3}, with t the batch
 * count. Every {@code frequency} batches the masks are recomputed per tensor; after every batch they
 * are applied again, so that the optimizer cannot grow a pruned weight back.
 *
 * <pre>{@code
 * MagnitudePruning pruning = MagnitudePruning.toSparsity(0.8).overBatches(0, 2000);
 * Trainer.of(net).epochs(5).callbacks(pruning).fit(train);
 * MagnitudePruning.sparsity(net);   // tensor, weights, zeros, sparsity
 * }</pre>
 */
public final class MagnitudePruning implements Callback {

    private final double finalSparsity;
    private double initialSparsity;
    private long beginStep;
    private long endStep = 1000;
    private int frequency = 100;
    private final Map<String, INDArray> masks = new LinkedHashMap<>();
    private long step;

    private MagnitudePruning(double finalSparsity) {
        this.finalSparsity = finalSparsity;
    }

    /** Prunes to {@code sparsity} (the share of weights set to zero, in [0, 1)) by the end of the schedule. */
    public static MagnitudePruning toSparsity(double sparsity) {
        checkSparsity(sparsity, "final sparsity");
        return new MagnitudePruning(sparsity);
    }

    /** The sparsity at the first pruning step (default 0). */
    public MagnitudePruning from(double sparsity) {
        checkSparsity(sparsity, "initial sparsity");
        this.initialSparsity = sparsity;
        return this;
    }

    /** The schedule runs from batch {@code begin} to batch {@code end} of the run, counted from 0 (default 0 to 1000). */
    public MagnitudePruning overBatches(long begin, long end) {
        if (begin < 0 || end <= begin) {
            throw new IllegalArgumentException("The pruning schedule needs 0 <= begin < end, got " + begin + " and " + end);
        }
        this.beginStep = begin;
        this.endStep = end;
        return this;
    }

    /** Recomputes the masks every {@code batches} batches (default 100). */
    public MagnitudePruning every(int batches) {
        if (batches < 1) {
            throw new IllegalArgumentException("every must be 1 or more batches, got " + batches);
        }
        this.frequency = batches;
        return this;
    }

    /** The target sparsity after {@code step} batches. */
    public double sparsityAt(long step) {
        if (step <= beginStep) {
            return initialSparsity;
        }
        if (step >= endStep) {
            return finalSparsity;
        }
        double remaining = 1 - (double) (step - beginStep) / (endStep - beginStep);
        return finalSparsity + (initialSparsity - finalSparsity) * remaining * remaining * remaining;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        MultiLayerNetwork network = network(context);
        for (String key : network.paramTable().keySet()) {
            if (Int8Quantizer.isLayerWeights(network, key)) {
                masks.putIfAbsent(key, Nd4j.onesLike(network.getParam(key)));
            }
        }
        if (masks.isEmpty()) {
            throw new IllegalArgumentException("The network has no dense, output or 2D convolution weights to prune");
        }
    }

    @Override
    public void onBatchEnd(TrainingContext context, int epoch, long batch, double loss) {
        MultiLayerNetwork network = network(context);
        boolean scheduled = step >= beginStep && step <= endStep && ((step - beginStep) % frequency == 0 || step == endStep);
        if (scheduled) {
            double target = sparsityAt(step);
            masks.replaceAll((key, mask) -> maskFor(network.getParam(key), target));
        }
        masks.forEach((key, mask) -> network.getParam(key).muli(mask));
        step++;
    }

    /** Ones for the weights that stay, zeros for the {@code sparsity} share with the smallest magnitude. */
    static INDArray maskFor(INDArray weights, double sparsity) {
        float[] magnitudes = Nd4j.toFlattened('c', weights).castTo(DataType.FLOAT).toFloatVector();
        for (int i = 0; i < magnitudes.length; i++) {
            magnitudes[i] = Math.abs(magnitudes[i]);
        }
        int pruned = (int) Math.floor(sparsity * magnitudes.length);
        float[] mask = new float[magnitudes.length];
        Arrays.fill(mask, 1f);
        if (pruned > 0) {
            float[] sorted = magnitudes.clone();
            Arrays.sort(sorted);
            float threshold = sorted[pruned - 1];
            for (int i = 0; i < magnitudes.length; i++) {
                if (magnitudes[i] <= threshold) {
                    mask[i] = 0f;
                }
            }
        }
        return Nd4j.create(mask, weights.shape(), 'c').castTo(weights.dataType());
    }

    /** One row per dense, output or 2D convolution weight tensor: tensor, weights, zeros, sparsity. */
    public static Table sparsity(MultiLayerNetwork network) {
        StringColumn tensors = StringColumn.create("tensor");
        LongColumn weights = LongColumn.create("weights");
        LongColumn zeros = LongColumn.create("zeros");
        DoubleColumn sparsity = DoubleColumn.create("sparsity");
        for (Map.Entry<String, INDArray> param : network.paramTable().entrySet()) {
            if (Int8Quantizer.isLayerWeights(network, param.getKey())) {
                long count = param.getValue().length();
                long zeroCount = param.getValue().eq(0).castTo(DataType.INT64).sumNumber().longValue();
                tensors.append(param.getKey());
                weights.append(count);
                zeros.append(zeroCount);
                sparsity.append((double) zeroCount / count);
            }
        }
        sparsity.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        return Table.create("Sparsity by layer", tensors, weights, zeros, sparsity);
    }


    private static MultiLayerNetwork network(TrainingContext context) {
        if (context.model() instanceof MultiLayerNetwork network) {
            return network;
        }
        throw new IllegalArgumentException("MagnitudePruning works on a MultiLayerNetwork, got " + context.model().getClass().getSimpleName());
    }

    private static void checkSparsity(double sparsity, String what) {
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new IllegalArgumentException("The " + what + " is the share of weights set to zero, in [0, 1); got " + sparsity);
        }
    }
}
