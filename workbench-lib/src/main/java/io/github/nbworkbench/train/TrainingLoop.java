package io.github.nbworkbench.train;

import io.github.nbworkbench.progress.BatchProgress;
import io.github.nbworkbench.progress.TrainingProgress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** One run of {@link Trainer#fit}: the batch loop of each epoch in this JVM, with validation and the callbacks' batch hooks. */
final class TrainingLoop extends EpochRun {

    private final TrainableModel model;
    private final DataSetIterator train;
    private final DataSetIterator validation;
    private final List<Metric> trainingMetrics;
    private final List<Metric> validationMetrics;

    private long batchesPerEpoch = -1;
    private boolean inEpoch;
    private boolean checkedFirstBatch;

    TrainingLoop(TrainableModel model, DataSetIterator train, DataSetIterator validation, List<Metric> trainingMetrics,
            List<Metric> validationMetrics, List<Callback> callbacks,
            TrainingProgress progress, long seed, int firstEpoch, int lastEpoch, History history) {
        super(model, callbacks, progress, seed, firstEpoch, lastEpoch, history);
        this.model = model;
        this.train = train;
        this.validation = validation;
        this.trainingMetrics = trainingMetrics;
        this.validationMetrics = validationMetrics;
    }

    @Override
    protected void beforeTraining() {
        checkValidationData();
    }

    @Override
    protected long batchesKnownAtStart() {
        return batchesPerEpoch;
    }

    @Override
    protected void runEpoch(int number) {
        Seeds.seedEpoch(seed(), number);
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
        if (validation != null && completed) {
            values.putAll(validate());
        }
        recordEpoch(number, values, examples, start, trainingSeconds);
    }

    private Map<String, Double> validate() {
        return Validation.score(model, validation, validationMetrics);
    }

    private void checkValidationData() {
        if (validation == null) {
            return;
        }
        if (validation.resetSupported()) {
            validation.reset();
        }
        if (!validation.hasNext()) {
            throw new IllegalArgumentException("The validation iterator gives no batches");
        }
        PreFlight.check(model, validation.next());
        if (!validation.resetSupported()) {
            throw new IllegalArgumentException("The validation iterator cannot be reset (resetSupported() is false), "
                    + "so it cannot be read once per epoch; use one that can, e.g. an in-memory iterator");
        }
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
