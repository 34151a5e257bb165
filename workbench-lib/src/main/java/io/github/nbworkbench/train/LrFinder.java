package io.github.nbworkbench.train;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The learning-rate range test (Leslie Smith; fastai's {@code lr_find}): trains on successive
 * batches while the rate grows exponentially from {@code minLr} to {@code maxLr}, records the loss
 * and its exponential moving average (bias-corrected), and stops early when the smoothed loss
 * exceeds 4 times its best. The network's parameters, updater state, counts and learning rate are
 * restored afterwards, so the sweep leaves it as it was (it does consume random numbers).
 *
 * <pre>{@code
 * LrFinderResult sweep = LrFinder.of(net).range(1e-6, 1).batches(100).find(trainIter);
 * double lr = sweep.suggestedLr();
 * }</pre>
 */
public final class LrFinder {

    private static final double EXPLOSION_FACTOR = 4;

    private final TrainableModel model;
    private double minLr = 1e-7;
    private double maxLr = 10;
    private int batches = 100;
    private double smoothing = 0.98;

    private LrFinder(TrainableModel model) {
        this.model = model;
    }

    public static LrFinder of(Model model) {
        return new LrFinder(TrainableModel.of(model));
    }

    /** The rates to sweep, {@code minLr} at the first batch, {@code maxLr} at the last (defaults 1e-7 and 10). */
    public LrFinder range(double minLr, double maxLr) {
        if (!(minLr > 0 && maxLr > minLr) || Double.isInfinite(maxLr)) {
            throw new IllegalArgumentException("Need 0 < minLr < maxLr, got " + minLr + " and " + maxLr);
        }
        this.minLr = minLr;
        this.maxLr = maxLr;
        return this;
    }

    /** Batches in the sweep (default 100); the iterator is reset when it runs out. */
    public LrFinder batches(int batches) {
        if (batches < 2) {
            throw new IllegalArgumentException("The sweep needs at least 2 batches, got " + batches);
        }
        this.batches = batches;
        return this;
    }

    /** The moving average's weight of the past, in [0, 1) (default 0.98). */
    public LrFinder smoothing(double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("smoothing must be in [0, 1), got " + beta);
        }
        this.smoothing = beta;
        return this;
    }

    public LrFinderResult find(DataSetIterator data) {
        INDArray params = model.params().dup();
        INDArray updaterState = model.updaterState() == null ? null : model.updaterState().dup();
        int iterations = model.iterationCount();
        int epochs = model.epochCount();
        double rateBefore = model.learningRate().orElseThrow(
                () -> new IllegalArgumentException("The network's updater has no learning rate (e.g. NoOp): nothing to sweep"));
        try {
            return sweep(data);
        } finally {
            model.setParams(params);
            if (updaterState != null) {
                model.setUpdaterState(updaterState);
            }
            model.setIterationCount(iterations);
            model.setEpochCount(epochs);
            model.setLearningRate(rateBefore);
        }
    }

    private LrFinderResult sweep(DataSetIterator data) {
        DoubleColumn rates = DoubleColumn.create(History.LEARNING_RATE);
        DoubleColumn losses = DoubleColumn.create(History.LOSS);
        DoubleColumn smoothed = DoubleColumn.create(LrFinderResult.SMOOTHED_LOSS);
        if (data.resetSupported()) {
            data.reset();
        }
        double average = 0;
        double best = Double.POSITIVE_INFINITY;
        String stopReason = "swept " + batches + " batches";
        for (int i = 0; i < batches; i++) {
            if (!data.hasNext()) {
                if (!data.resetSupported() || i == 0) {
                    stopReason = "the data ran out after " + i + " batches";
                    break;
                }
                data.reset();
            }
            DataSet batch = data.next();
            if (i == 0) {
                PreFlight.check(model, batch);
            }
            double rate = minLr * Math.pow(maxLr / minLr, (double) i / (batches - 1));
            model.setLearningRate(rate);
            model.fit(batch);
            double loss = model.lastLoss();
            average = smoothing * average + (1 - smoothing) * loss;
            double corrected = average / (1 - Math.pow(smoothing, i + 1));
            rates.append(rate);
            losses.append(loss);
            smoothed.append(corrected);
            if (!Double.isFinite(corrected) || corrected > EXPLOSION_FACTOR * best) {
                stopReason = "the loss exploded at lr " + rate;
                break;
            }
            best = Math.min(best, corrected);
        }
        Table table = Table.create("LR finder", rates, losses, smoothed);
        return new LrFinderResult(table, steepestDescent(rates, smoothed), rateAtMinimum(rates, smoothed), stopReason);
    }

    /**
     * The rate where the smoothed loss falls fastest per unit of log(lr), before its minimum; NaN
     * with fewer than 3 points. Slopes are taken over a tenth of the sweep, and the first tenth is
     * skipped, because point-to-point slopes of a short sweep follow the noise of single batches.
     */
    static double steepestDescent(DoubleColumn rates, DoubleColumn smoothed) {
        int minimum = indexOfMinimum(smoothed);
        int window = Math.max(1, smoothed.size() / 10);
        double steepest = 0;
        double suggestion = Double.NaN;
        for (int i = Math.min(2 * window, minimum); i <= minimum; i++) {
            int from = Math.max(0, i - window);
            if (from == i) {
                continue;
            }
            double slope = (smoothed.getDouble(i) - smoothed.getDouble(from))
                    / (Math.log(rates.getDouble(i)) - Math.log(rates.getDouble(from)));
            if (slope < steepest) {
                steepest = slope;
                suggestion = Math.exp((Math.log(rates.getDouble(i)) + Math.log(rates.getDouble(from))) / 2);
            }
        }
        return suggestion;
    }

    private static double rateAtMinimum(DoubleColumn rates, DoubleColumn smoothed) {
        return smoothed.isEmpty() ? Double.NaN : rates.getDouble(indexOfMinimum(smoothed));
    }

    private static int indexOfMinimum(DoubleColumn values) {
        int minimum = 0;
        for (int i = 1; i < values.size(); i++) {
            if (values.getDouble(i) < values.getDouble(minimum)) {
                minimum = i;
            }
        }
        return minimum;
    }
}
