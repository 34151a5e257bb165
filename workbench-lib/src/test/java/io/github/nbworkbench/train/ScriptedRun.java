package io.github.nbworkbench.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;

/**
 * A training context without training: tests script the epochs' values and drive a callback through
 * its hooks, against a real (small) network whose parameters and learning rate they can inspect.
 */
class ScriptedRun implements TrainingContext {

    private final TrainableModel model = TrainableModel.of(Fixtures.mlp());
    private final History history;
    private final int lastEpoch;
    private int epoch;
    private String stopReason;
    final List<String> notes = new ArrayList<>();

    ScriptedRun(int lastEpoch, List<String> metrics, boolean withValidation) {
        this.lastEpoch = lastEpoch;
        this.history = History.of(metrics, withValidation);
    }

    /** A run with loss and val_loss only. */
    ScriptedRun(int lastEpoch) {
        this(lastEpoch, List.of(), true);
    }

    /**
     * Drives {@code callback} through the scripted epochs: {@code value} of epoch i is the i-th of
     * {@code values}, other columns get 1.0; stops where the callback asks. Returns the epochs run.
     */
    int run(Callback callback, String monitor, double... values) {
        callback.onTrainBegin(this);
        int ran = 0;
        for (double value : values) {
            if (stopReason != null) {
                break;
            }
            epoch = history.lastEpoch() + 1;
            callback.onEpochBegin(this, epoch);
            beforeEpochEnd(epoch);
            callback.onEpochEnd(this, record(monitor, value));
            ran++;
        }
        callback.onTrainEnd(this);
        return ran;
    }

    /** Hook for tests that change the network during an epoch; does nothing by default. */
    void beforeEpochEnd(int epochNumber) {
    }

    EpochValues record(String monitor, double value) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String name : history.columnNames()) {
            if (!name.equals(History.EPOCH)) {
                values.put(name, 1.0);
            }
        }
        values.put(History.LEARNING_RATE, learningRate());
        values.put(monitor, value);
        history.append(epoch, values);
        return history.epochValues(epoch);
    }

    String stopReason() {
        return stopReason;
    }

    @Override
    public Model model() {
        return model.model();
    }

    @Override
    public TrainableModel trainable() {
        return model;
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
        return 10;
    }

    @Override
    public long seed() {
        return 42;
    }

    @Override
    public double learningRate() {
        return model.learningRate().orElseThrow();
    }

    @Override
    public void setLearningRate(double learningRate) {
        model.setLearningRate(learningRate);
    }

    @Override
    public void stopTraining(String reason) {
        stopReason = reason;
    }

    @Override
    public void showNote(String label, String text) {
        notes.add(label + ": " + text);
    }

    @Override
    public boolean isStopRequested() {
        return stopReason != null;
    }
}
