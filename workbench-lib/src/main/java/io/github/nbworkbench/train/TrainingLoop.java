package io.github.nbworkbench.train;

import io.github.nbworkbench.progress.BatchProgress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * One run of the local strategy: the batch loop of each epoch in this thread, with training metrics and
 * the callbacks' batch hooks. Each optimizer step is one batch, or {@code batchesPerStep} batches whose
 * gradients are accumulated; the callbacks' and the progress display's batches are these steps.
 */
final class TrainingLoop extends EpochRun {

    private final TrainableModel model;
    private final DataSetIterator train;
    private final List<Metric> trainingMetrics;
    private final int batchesPerStep;
    /** Null when every batch is one step of DL4J's own fit. */
    private final GradientAccumulation accumulation;

    private long stepsPerEpoch = -1;
    private boolean inEpoch;
    private boolean checkedFirstBatch;

    TrainingLoop(TrainingSettings settings, DataSetIterator train, DataSetIterator validation) {
        super(settings, validation);
        this.model = settings.model();
        this.train = train;
        this.trainingMetrics = settings.trainingMetrics();
        this.batchesPerStep = settings.batchesPerStep();
        this.accumulation = batchesPerStep > 1 ? new GradientAccumulation(model) : null;
    }

    @Override
    protected long batchesKnownAtStart() {
        return stepsPerEpoch;
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
        long step = 0;
        long examples = 0;
        LossMean loss = new LossMean();
        while (train.hasNext() && !isStopRequested()) {
            step++;
            for (Callback callback : callbacks()) {
                callback.onBatchBegin(this, number, step);
            }
            double stepLossSum = 0;
            long stepExamples = 0;
            for (int batch = 0; batch < batchesPerStep && train.hasNext(); batch++) {
                DataSet data = nextBatch();
                Validation.addToMetrics(model, trainingAccumulators, data);
                double score = train(data);
                loss.add(score, data);
                stepLossSum += score * data.numExamples();
                stepExamples += data.numExamples();
            }
            if (accumulation != null) {
                accumulation.step();
            }
            examples += stepExamples;
            double stepLoss = stepLossSum / stepExamples;
            for (Callback callback : callbacks()) {
                callback.onBatchEnd(this, number, step, stepLoss);
            }
            progress().batch(new BatchProgress(number, step, stepsPerEpoch, loss.value(),
                    examples / ((System.nanoTime() - start) / 1e9)));
        }
        if (step == 0) {
            throw new IllegalStateException("The training iterator gave no batches in epoch " + number
                    + (number > firstEpoch() ? " (does its reset() work?)" : ""));
        }
        boolean completed = !isStopRequested();
        if (completed && stepsPerEpoch < 0) {
            stepsPerEpoch = step;
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

    /** The next training batch; the first one of the run is checked against the model first. */
    private DataSet nextBatch() {
        DataSet data = train.next();
        if (!checkedFirstBatch) {
            PreFlight.check(model, data);
            checkedFirstBatch = true;
            if (LossMean.perTimeStep(data)) {
                history().describeLossPerTimeStep();
            }
        }
        return data;
    }

    /** Trains on {@code data}: a step of DL4J's fit, or its gradient added to the step being accumulated. Returns DL4J's score. */
    private double train(DataSet data) {
        if (accumulation != null) {
            return accumulation.add(data);
        }
        model.fit(data);
        return model.lastLoss();
    }

    private static List<Metric.Accumulator> newAccumulators(List<Metric> metrics) {
        List<Metric.Accumulator> accumulators = new ArrayList<>(metrics.size());
        metrics.forEach(metric -> accumulators.add(metric.newAccumulator()));
        return accumulators;
    }

    /** Optimizer steps per epoch: the batches, or with accumulation the groups of up to {@code batchesPerStep} batches. */
    @Override
    public long batchesPerEpoch() {
        if (stepsPerEpoch < 0) {
            if (inEpoch) {
                throw new IllegalStateException("The number of batches is known after epoch " + epoch()
                        + "; ask for it in onTrainBegin, where the trainer can count them");
            }
            stepsPerEpoch = (countBatches() + batchesPerStep - 1) / batchesPerStep;
        }
        return stepsPerEpoch;
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
