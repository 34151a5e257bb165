package io.github.nbworkbench.results;

import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.train.Seeds;
import io.github.nbworkbench.train.Trainer;
import java.util.Objects;
import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains a fresh model twice for a few batches from the same seed and compares the weights: the
 * quickest way to know whether a run can be repeated bit for bit on this machine and set-up.
 *
 * <pre>{@code
 * DeterminismCheck.Result result = DeterminismCheck.of(() -> Cnns.classic(train), train).result();
 * result.identical();   // true when both runs end with the same weights, bit for bit
 * }</pre>
 */
public final class DeterminismCheck {

    private final Supplier<MultiLayerNetwork> model;
    private final LabeledDataset data;
    private int batches = 5;
    private int batchSize = 32;
    private long seed = 42;

    private DeterminismCheck(Supplier<MultiLayerNetwork> model, LabeledDataset data) {
        this.model = Objects.requireNonNull(model, "model");
        this.data = Objects.requireNonNull(data, "data");
    }

    /** Checks the models that {@code model} builds (a new, initialised one per call) on the first batches of {@code data}. */
    public static DeterminismCheck of(Supplier<MultiLayerNetwork> model, LabeledDataset data) {
        return new DeterminismCheck(model, data);
    }

    /** Trains on {@code batches} batches of {@code batchSize} examples (5 of 32 by default). */
    public DeterminismCheck batches(int batches, int batchSize) {
        if (batches < 1 || batchSize < 1) {
            throw new IllegalArgumentException("Need at least one batch of at least one example, got " + batches + " of " + batchSize);
        }
        this.batches = batches;
        this.batchSize = batchSize;
        return this;
    }

    public DeterminismCheck seed(long seed) {
        this.seed = seed;
        return this;
    }

    public Result result() {
        int examples = batches * batchSize;
        if (data.size() < examples) {
            throw new IllegalArgumentException(batches + " batches of " + batchSize + " need " + examples + " examples, the data has " + data.size());
        }
        LabeledDataset sample = data.limit(examples);
        INDArray first = trainOnce(sample);
        INDArray second = trainOnce(sample);
        double difference = first.sub(second).amaxNumber().doubleValue();
        return new Result(first.equals(second) && difference == 0, difference, batches, batchSize, seed);
    }

    private INDArray trainOnce(LabeledDataset sample) {
        Seeds.seedEverything(seed);
        MultiLayerNetwork net = model.get();
        Trainer.of(net).epochs(1).seed(seed).quiet().fit(sample.batchSize(batchSize).shuffle(seed).iterator());
        return net.params().dup();
    }

    /**
     * @param identical     whether both runs ended with bit-for-bit equal weights
     * @param maxDifference the largest absolute difference between the two runs' weights
     */
    public record Result(boolean identical, double maxDifference, int batches, int batchSize, long seed) {

        @Override
        public String toString() {
            return identical
                    ? "deterministic: two runs of " + batches + " batches from seed " + seed + " end with identical weights"
                    : "NOT deterministic: two runs of " + batches + " batches from seed " + seed + " differ by up to " + maxDifference
                            + " in a weight";
        }
    }
}
