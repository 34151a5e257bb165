package io.github.nbworkbench.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** One run of {@link ParallelTraining}: each epoch is one pass of the ParallelWrapper, then validation. */
final class ParallelTrainingRun extends EpochRun {

    private final TrainableModel model;
    private final ParallelWrapper wrapper;
    private final DataSetIterator train;

    ParallelTrainingRun(TrainingSettings settings, ParallelWrapper wrapper, DataSetIterator train, DataSetIterator validation) {
        super(settings, validation);
        this.model = settings.model();
        this.wrapper = wrapper;
        this.train = train;
    }

    @Override
    protected void runEpoch(int number) {
        if (train.resetSupported()) {
            train.reset();
        }
        notifyEpochBegin(number);
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
        values.putAll(validate());
        recordEpoch(number, values, counted.examples(), start, seconds);
    }

    @Override
    public long batchesPerEpoch() {
        throw new UnsupportedOperationException("ParallelTraining does not count batches: its workers take them as they come");
    }
}
