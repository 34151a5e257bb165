package io.github.nbworkbench.train;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Stops training when {@code monitor} (e.g. {@code val_loss}) has not improved by more than
 * {@code minDelta} for {@code patience} epochs, like Keras' {@code EarlyStopping}. With
 * {@link #restoreBestWeights()} the network ends with the parameters of its best epoch, whether
 * training stopped early or reached its last epoch (the updater state is not rolled back), and
 * {@link History#modelEpoch()} says which epoch that was.
 *
 * <p>On a resumed run it rebuilds its count from the history; the weights of epochs before the
 * resume are not in the checkpoint, so the best weights it can restore are this run's.
 */
public final class EarlyStopping implements Callback {

    private final String monitor;
    private Mode mode = Mode.AUTO;
    private int patience;
    private double minDelta;
    private boolean restoreBestWeights;

    private MonitorTracker tracker;
    private INDArray bestParams;
    private int bestParamsEpoch = -1;
    private int stoppedEpoch = -1;

    /** Monitors {@code monitor} with Keras' defaults: mode AUTO, patience 0, minDelta 0, weights not restored. */
    public EarlyStopping(String monitor) {
        this.monitor = monitor;
        this.tracker = new MonitorTracker(monitor, mode, minDelta);
    }

    public EarlyStopping mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    /** Epochs without improvement to wait before stopping. */
    public EarlyStopping patience(int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        this.patience = patience;
        return this;
    }

    /** The least change that counts as an improvement. */
    public EarlyStopping minDelta(double minDelta) {
        this.minDelta = minDelta;
        return this;
    }

    /** At the end of training, put back the parameters of the best epoch. */
    public EarlyStopping restoreBestWeights() {
        this.restoreBestWeights = true;
        return this;
    }

    @Override
    public List<String> monitors() {
        return List.of(monitor);
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        tracker = new MonitorTracker(monitor, mode, minDelta);
        bestParams = null;
        bestParamsEpoch = -1;
        stoppedEpoch = -1;
        History history = context.history();
        for (int row = 0; row < history.rowCount(); row++) {
            tracker.update(history.epochValues(history.intColumn(History.EPOCH).getInt(row)));
        }
    }

    @Override
    public void onEpochEnd(TrainingContext context, EpochValues values) {
        if (tracker.update(values)) {
            if (restoreBestWeights) {
                bestParams = context.trainable().params().dup();
                bestParamsEpoch = values.epoch();
            }
            return;
        }
        if (tracker.epochsWithoutImprovement() >= patience) {
            stoppedEpoch = values.epoch();
            context.stopTraining("early stopping: " + monitor + " has not improved for " + tracker.epochsWithoutImprovement()
                    + " epochs (best " + tracker.describeBest() + ")");
        }
    }

    @Override
    public void onTrainEnd(TrainingContext context) {
        if (restoreBestWeights && bestParams != null && bestParamsEpoch != context.epoch()) {
            context.trainable().setParams(bestParams);
            context.history().setRestoredEpoch(bestParamsEpoch);
        }
    }

    /** The epoch with the best value of the monitor, or -1 before any. */
    public int bestEpoch() {
        return tracker.bestEpoch();
    }

    /** The epoch after which this callback stopped training, or -1 when it did not. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }
}
