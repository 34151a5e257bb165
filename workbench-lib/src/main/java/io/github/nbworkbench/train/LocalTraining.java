package io.github.nbworkbench.train;

import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** {@link TrainingStrategy#local()}: every batch is one training step in this thread ({@link TrainingLoop}). */
final class LocalTraining implements TrainingStrategy {

    static final LocalTraining INSTANCE = new LocalTraining();

    private LocalTraining() {
    }

    @Override
    public History fit(TrainingSettings settings, DataSetIterator train, DataSetIterator validation) {
        return new TrainingLoop(settings, train, validation).run();
    }

    @Override
    public boolean seesBatches() {
        return true;
    }

    @Override
    public String defaultTitle(String modelName) {
        return modelName;
    }

    @Override
    public String toString() {
        return "local training";
    }
}
