package io.github.nbworkbench.train;

import java.util.List;

/**
 * Multiplies the learning rate by {@code factor} when {@code monitor} has not improved by more than
 * {@code minDelta} for {@code patience} epochs, never below {@code minLr}, then waits
 * {@code cooldown} epochs before counting again; Keras' {@code ReduceLROnPlateau}, with its defaults
 * (factor 0.1, patience 10, minDelta 1e-4, cooldown 0, minLr 0).
 */
public final class ReduceLROnPlateau implements Callback {

    private final String monitor;
    private Mode mode = Mode.AUTO;
    private double factor = 0.1;
    private int patience = 10;
    private double minDelta = 1e-4;
    private int cooldown;
    private double minLr;

    private MonitorTracker tracker;
    private int cooldownLeft;
    private boolean replaying;

    public ReduceLROnPlateau(String monitor) {
        this.monitor = monitor;
        this.tracker = new MonitorTracker(monitor, mode, minDelta);
    }

    public ReduceLROnPlateau mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    /** The new rate is the old one times {@code factor}, which must be in (0, 1). */
    public ReduceLROnPlateau factor(double factor) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("factor must be between 0 and 1 (exclusive), got " + factor);
        }
        this.factor = factor;
        return this;
    }

    public ReduceLROnPlateau patience(int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        this.patience = patience;
        return this;
    }

    public ReduceLROnPlateau minDelta(double minDelta) {
        this.minDelta = minDelta;
        return this;
    }

    /** Epochs to wait after a reduction before counting epochs without improvement again. */
    public ReduceLROnPlateau cooldown(int cooldown) {
        if (cooldown < 0) {
            throw new IllegalArgumentException("cooldown must be >= 0, got " + cooldown);
        }
        this.cooldown = cooldown;
        return this;
    }

    /** The lowest rate to reduce to. */
    public ReduceLROnPlateau minLr(double minLr) {
        if (!(minLr >= 0)) {
            throw new IllegalArgumentException("minLr must be >= 0, got " + minLr);
        }
        this.minLr = minLr;
        return this;
    }

    @Override
    public List<String> monitors() {
        return List.of(monitor);
    }

    /** Rebuilds its state from the history (a resumed run), without touching the rate: the checkpoint holds it. */
    @Override
    public void onTrainBegin(TrainingContext context) {
        tracker = new MonitorTracker(monitor, mode, minDelta);
        cooldownLeft = 0;
        History history = context.history();
        replaying = true;
        try {
            for (int row = 0; row < history.rowCount(); row++) {
                EpochValues values = history.epochValues(history.intColumn(History.EPOCH).getInt(row));
                onEpochEnd(context, values);
            }
        } finally {
            replaying = false;
        }
    }

    @Override
    public void onEpochEnd(TrainingContext context, EpochValues values) {
        if (cooldownLeft > 0) {
            cooldownLeft--;
            tracker.resetWait();
        }
        if (tracker.update(values)) {
            return;
        }
        if (cooldownLeft > 0) {
            tracker.resetWait(); // epochs in cooldown do not count
            return;
        }
        if (tracker.epochsWithoutImprovement() >= patience) {
            double rate = replaying ? values.get(History.LEARNING_RATE) : context.learningRate();
            if (rate > minLr) {
                if (!replaying) {
                    context.setLearningRate(Math.max(rate * factor, minLr));
                }
                cooldownLeft = cooldown;
                tracker.resetWait();
            }
        }
    }
}
