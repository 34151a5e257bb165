package io.github.nbworkbench.train;

import java.util.List;

/**
 * Checks, before the first epoch, that every value a callback monitors is one the run records, so
 * that a misspelt monitor ({@code val_acc} for {@code val_accuracy}) fails at once rather than after
 * an epoch of training. Its {@link #hint} also serves the hyperparameter search's objective.
 */
public final class MonitorNames {

    private MonitorNames() {
    }

    static void check(List<Callback> callbacks, History history) {
        List<String> available = history.columnNames().stream().filter(name -> !name.equals(History.EPOCH)).toList();
        for (Callback callback : callbacks) {
            for (String monitor : callback.monitors()) {
                if (!available.contains(monitor)) {
                    throw new IllegalArgumentException(callback.getClass().getSimpleName() + " monitors '" + monitor
                            + "', which this run does not record; it records " + available + "." + hint(monitor, available, "the Trainer"));
                }
            }
        }
    }

    /**
     * What to change when {@code monitor} is not among the {@code available} History columns: validation data
     * for a val_ name when none is recorded, a near name if there is one, else the metric; {@code trainer} names
     * the Trainer in the advice ("the Trainer", "trial.trainer(model)").
     */
    public static String hint(String monitor, List<String> available, String trainer) {
        if (History.isValidation(monitor) && available.stream().noneMatch(History::isValidation)) {
            return " Values named val_... need validation data: add .validation(iterator) to " + trainer + ".";
        }
        for (String name : available) {
            if (name.startsWith(monitor) || monitor.startsWith(name)) {
                return " Did you mean '" + name + "'?";
            }
        }
        return " Metrics other than loss need .metrics(...) on " + trainer + ".";
    }
}
