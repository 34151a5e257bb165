package io.github.nbworkbench.spark;

import io.github.nbworkbench.progress.EpochEnd;
import io.github.nbworkbench.progress.TrainingProgress;
import io.github.nbworkbench.progress.TrainingStart;
import io.github.nbworkbench.train.Callback;
import io.github.nbworkbench.train.EpochValues;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Metric;
import io.github.nbworkbench.train.TrainableModel;
import io.github.nbworkbench.train.TrainingContext;
import io.github.nbworkbench.train.Validation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * One run of {@link SparkTrainer#fit}: the epoch loop on the driver, validation, the history, the
 * progress display and the callbacks' epoch hooks. The workers train the batches out of sight of
 * the driver, so no batch hook is called (SparkTrainer refuses callbacks that have them).
 */
final class SparkTrainingRun implements TrainingContext {

    private final SparkDl4jMultiLayer sparkNet;
    private final MultiLayerNetwork net;
    private final TrainableModel trainable;
    private final JavaRDD<DataSet> batches;
    private final long batchCount;
    private final long exampleCount;
    private final boolean reportsTrainingLoss;
    private final DataSetIterator validation;
    private final List<Metric> metrics;
    private final List<Callback> callbacks;
    private final TrainingProgress progress;
    private final long seed;
    private final int lastEpoch;
    private final History history;

    private int epoch;
    private String stopReason;

    SparkTrainingRun(SparkDl4jMultiLayer sparkNet, JavaRDD<DataSet> batches, long batchCount, long exampleCount,
            boolean reportsTrainingLoss, DataSetIterator validation, List<Metric> metrics, List<Callback> callbacks,
            TrainingProgress progress, long seed, int lastEpoch) {
        this.sparkNet = sparkNet;
        this.net = sparkNet.getNetwork();
        this.trainable = TrainableModel.of(net);
        this.batches = batches;
        this.batchCount = batchCount;
        this.exampleCount = exampleCount;
        this.reportsTrainingLoss = reportsTrainingLoss;
        this.validation = validation;
        this.metrics = metrics;
        this.callbacks = callbacks;
        this.progress = progress;
        this.seed = seed;
        this.lastEpoch = lastEpoch;
        this.history = History.create(List.of(), validation != null ? metrics.stream().map(Metric::name).toList() : null);
    }

    History run(String title) {
        callbacks.forEach(callback -> callback.onTrainBegin(this));
        progress.start(new TrainingStart(title, 1, lastEpoch, -1, history.metricNames()));
        try {
            for (int next = 1; next <= lastEpoch && stopReason == null; next++) {
                runEpoch(next);
            }
        } catch (RuntimeException | Error e) {
            progress.end("failed in epoch " + epoch + ": " + e.getMessage());
            throw e;
        }
        callbacks.forEach(callback -> callback.onTrainEnd(this));
        history.setStopReason(stopReason);
        progress.end(stopReason == null ? "finished " + epoch + " epochs" : "stopped after epoch " + epoch + ": " + stopReason);
        return history;
    }

    private void runEpoch(int number) {
        epoch = number;
        callbacks.forEach(callback -> callback.onEpochBegin(this, number));
        long start = System.nanoTime();
        // the driver's network is what callbacks change (learning rate, restored weights) and what
        // the next round of training sends to the workers
        sparkNet.setNetwork(net);
        MultiLayerNetwork trained = sparkNet.fit(batches);
        double trainingSeconds = (System.nanoTime() - start) / 1e9;
        if (trained != net) {
            net.setParams(trained.params());
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(History.LOSS, reportsTrainingLoss ? sparkNet.getScore() : Double.NaN);
        if (validation != null) {
            values.putAll(Validation.score(trainable, validation, metrics));
        }
        values.put(History.LEARNING_RATE, learningRate());
        values.put(History.SECONDS, (System.nanoTime() - start) / 1e9);
        values.put(History.SAMPLES_PER_SECOND, exampleCount / trainingSeconds);
        history.append(number, values);
        EpochValues epochValues = history.epochValues(number);
        progress.epoch(new EpochEnd(number, epochValues.values()));
        callbacks.forEach(callback -> callback.onEpochEnd(this, epochValues));
    }

    @Override
    public Model model() {
        return net;
    }

    @Override
    public TrainableModel trainable() {
        return trainable;
    }

    @Override
    public History history() {
        return history;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    @Override
    public int lastEpoch() {
        return lastEpoch;
    }

    @Override
    public long batchesPerEpoch() {
        return batchCount;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public double learningRate() {
        return trainable.learningRate().orElse(Double.NaN);
    }

    @Override
    public void setLearningRate(double learningRate) {
        trainable.setLearningRate(learningRate);
    }

    @Override
    public void showNote(String label, String text) {
        progress.note(label, text);
    }

    @Override
    public void stopTraining(String reason) {
        if (stopReason == null) {
            stopReason = reason == null || reason.isBlank() ? "stopped by a callback" : reason;
        }
    }

    @Override
    public boolean isStopRequested() {
        return stopReason != null;
    }
}
