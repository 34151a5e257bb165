package io.github.nbworkbench.train;

import io.github.nbworkbench.progress.BatchProgress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** One run of the local strategy: the batch loop of each epoch in this thread, with training metrics and the callbacks' batch hooks. */
final class TrainingLoop extends EpochRun {

    private final TrainableModel model;
    private final DataSetIterator train;
    private final List<Metric> trainingMetrics;

    private long batchesPerEpoch = -1;
    private boolean inEpoch;
    private boolean checkedFirstBatch;

    TrainingLoop(TrainingSettings settings, DataSetIterator train, DataSetIterator validation) {
        super(settings, validation);
        this.model = settings.model();
        this.train = train;
        this.trainingMetrics = settings.trainingMetrics();
    }

    @Override
    protected long batchesKnownAtStart() {
        return batchesPerEpoch;
    }

    @Override
    protected void runEpoch(int number) {
        if (train.resetSupported()) {
            train.reset();
        }
        inEpoch = true;
        for (TrainingListener listener : model.listeners()) {
            listener.onEpochStart(model.model());
        }
        notifyEpochBegin(number);

        List<Metric.Accumulator> trainingAccumulators = newAccumulators(trainingMetrics);
        long start = System.nanoTime();
        long batch = 0;
        long examples = 0;
        LossMean loss = new LossMean();
        while (train.hasNext() && !isStopRequested()) {
            DataSet data = train.next();
            if (!checkedFirstBatch) {
                PreFlight.check(model, data);
                checkedFirstBatch = true;
                if (LossMean.perTimeStep(data)) {
                    history().describeLossPerTimeStep();
                }
            }
            batch++;
            for (Callback callback : callbacks()) {
                callback.onBatchBegin(this, number, batch);
            }
            Validation.addToMetrics(model, trainingAccumulators, data);
            model.fit(data);
            double score = model.lastLoss();
            loss.add(score, data);
            examples += data.numExamples();
            for (Callback callback : callbacks()) {
                callback.onBatchEnd(this, number, batch, score);
            }
            progress().batch(new BatchProgress(number, batch, batchesPerEpoch, loss.value(),
                    examples / ((System.nanoTime() - start) / 1e9)));
        }
        if (batch == 0) {
            throw new IllegalStateException("The training iterator gave no batches in epoch " + number
                    + (number > firstEpoch() ? " (does its reset() work?)" : ""));
        }
        boolean completed = !isStopRequested();
        if (completed && batchesPerEpoch < 0) {
            batchesPerEpoch = batch;
        }
        double trainingSeconds = (System.nanoTime() - start) / 1e9;
        model.incrementEpochCount();
        for (TrainingListener listener : model.listeners()) {
            listener.onEpochEnd(model.model());
        }
        inEpoch = false;

        Map<String, Double> values = new LinkedHashMap<>();
        values.put(History.LOSS, loss.value());
        for (int i = 0; i < trainingMetrics.size(); i++) {
            values.put(trainingMetrics.get(i).name(), trainingAccumulators.get(i).value());
        }
        if (completed) {
            values.putAll(validate());
        }
        recordEpoch(number, values, examples, start, trainingSeconds);
    }

    private static List<Metric.Accumulator> newAccumulators(List<Metric> metrics) {
        List<Metric.Accumulator> accumulators = new ArrayList<>(metrics.size());
        metrics.forEach(metric -> accumulators.add(metric.newAccumulator()));
        return accumulators;
    }

    @Override
    public long batchesPerEpoch() {
        if (batchesPerEpoch < 0) {
            if (inEpoch) {
                throw new IllegalStateException("The number of batches is known after epoch " + epoch()
                        + "; ask for it in onTrainBegin, where the trainer can count them");
            }
            batchesPerEpoch = countBatches();
        }
        return batchesPerEpoch;
    }

    private long countBatches() {
        if (!train.resetSupported()) {
            throw new IllegalStateException("Cannot count the batches of an iterator that cannot be reset");
        }
        train.reset();
        long count = 0;
        while (train.hasNext()) {
            train.next();
            count++;
        }
        return count;
    }
}
