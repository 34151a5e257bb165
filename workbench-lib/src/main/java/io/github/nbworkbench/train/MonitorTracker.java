package io.github.nbworkbench.train;

import java.math.BigDecimal;
import java.math.MathContext;

/** The best value of one monitored quantity so far, and how many epochs have passed without improvement. */
final class MonitorTracker {

    private final String monitor;
    private final Mode mode;
    private final double minDelta;
    private double best = Double.NaN;
    private int bestEpoch = -1;
    private int epochsWithoutImprovement;

    MonitorTracker(String monitor, Mode mode, double minDelta) {
        if (monitor == null || monitor.isBlank()) {
            throw new IllegalArgumentException("Name the value to monitor, e.g. \"val_loss\"");
        }
        if (!(minDelta >= 0)) {
            throw new IllegalArgumentException("minDelta must be >= 0, got " + minDelta);
        }
        this.monitor = monitor;
        this.mode = mode.resolve(monitor);
        this.minDelta = Math.abs(minDelta);
    }

    /** Records the epoch's value of the monitor; true when it improved on the best so far. */
    boolean update(EpochValues epoch) {
        double current = epoch.get(monitor);
        if (mode.improves(current, best, minDelta)) {
            best = current;
            bestEpoch = epoch.epoch();
            epochsWithoutImprovement = 0;
            return true;
        }
        epochsWithoutImprovement++;
        return false;
    }

    void resetWait() {
        epochsWithoutImprovement = 0;
    }

    /** The best value to six significant digits and its epoch, e.g. "0.9 at epoch 2". */
    String describeBest() {
        String value = Double.isNaN(best) ? "none" : new BigDecimal(best).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        return value + " at epoch " + bestEpoch;
    }

    double best() {
        return best;
    }

    int bestEpoch() {
        return bestEpoch;
    }

    int epochsWithoutImprovement() {
        return epochsWithoutImprovement;
    }
}
