package io.github.nbworkbench.train;

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

    void reset() {
        best = Double.NaN;
        bestEpoch = -1;
        epochsWithoutImprovement = 0;
    }

    void resetWait() {
        epochsWithoutImprovement = 0;
    }

    String monitor() {
        return monitor;
    }

    Mode mode() {
        return mode;
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
