package io.github.nbworkbench.train;

import java.util.Locale;

/** Whether a monitored value improves by going down ({@link #MIN}) or up ({@link #MAX}); {@link #AUTO} guesses from the name. */
public enum Mode {
    MIN, MAX,
    /** {@link #MAX} for names with acc, auc, f1, precision or recall in them; {@link #MIN} otherwise (loss, error). */
    AUTO;

    /** This mode, with {@link #AUTO} resolved for {@code monitor}. */
    public Mode resolve(String monitor) {
        if (this != AUTO) {
            return this;
        }
        String name = monitor.toLowerCase(Locale.ROOT);
        for (String higherIsBetter : new String[] {"acc", "auc", "f1", "precision", "recall"}) {
            if (name.contains(higherIsBetter)) {
                return MAX;
            }
        }
        return MIN;
    }

    /** True when {@code current} beats {@code best} by more than {@code minDelta} (a resolved mode; NaN never improves). */
    public boolean improves(double current, double best, double minDelta) {
        if (Double.isNaN(current)) {
            return false;
        }
        if (Double.isNaN(best)) {
            return true;
        }
        return switch (this) {
            case MIN -> current < best - minDelta;
            case MAX -> current > best + minDelta;
            case AUTO -> throw new IllegalStateException("resolve(monitor) the mode first");
        };
    }
}
