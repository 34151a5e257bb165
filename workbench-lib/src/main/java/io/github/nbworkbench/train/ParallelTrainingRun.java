package io.github.nbworkbench.train;

import io.github.nbworkbench.progress.TrainingProgress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** One run of {@link ParallelTrainer#fit}: each epoch is one pass of the ParallelWrapper, then validation. */
final class ParallelTrainingRun extends EpochRun {

    private final TrainableModel model;
    private final ParallelWrapper wrapper;
    private final DataSetIterator train;
    private final DataSetIterator validation;
    private final List<Metric> metrics;

    ParallelTrainingRun(TrainableModel model, ParallelWrapper wrapper, DataSetIterator train, DataSetIterator validation,
            List<Metric> metrics, TrainingProgress progress, int epochs) {
        super(model, List.of(), progress, 0, 1, epochs,
                History.of(List.of(), validation != null ? metrics.stream().map(Metric::name).toList() : null));
        this.model = model;
        this.wrapper = wrapper;
        this.train = train;
        this.validation = validation;
        this.metrics = metrics;
    }

    @Override
    protected void runEpoch(int number) {
        if (train.resetSupported()) {
            train.reset();
        }
        CountingIterator counted = new CountingIterator(train);
        long start = System.nanoTime();
        wrapper.fit(counted);
        double seconds = (System.nanoTime() - start) / 1e9;
        model.incrementEpochCount();
        Map<String, Double> values = new LinkedHashMap<>();
        // the workers' mean score per example, in the units of LossMean (per time step for sequences)
        values.put(History.LOSS, model.model().score() * counted.examples() / counted.predictions());
        if (counted.sawSequenceLabels()) {
            history().describeLossPerTimeStep();
        }
        if (validation != null) {
            values.putAll(Validation.score(model, validation, metrics));
        }
        recordEpoch(number, values, counted.examples(), start, seconds);
    }

    @Override
    public long batchesPerEpoch() {
        throw new UnsupportedOperationException("ParallelTrainer does not count batches: its workers take them as they come");
    }
}
