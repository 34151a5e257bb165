package io.github.nbworkbench.train;

import java.util.List;

/**
 * Checks, before the first epoch, that every value a callback monitors is one the run records, so
 * that a misspelt monitor ({@code val_acc} for {@code val_accuracy}) fails at once rather than after
 * an epoch of training.
 */
final class MonitorNames {

    private MonitorNames() {
    }

    static void check(List<Callback> callbacks, History history) {
        List<String> available = history.columnNames().stream().filter(name -> !name.equals(History.EPOCH)).toList();
        for (Callback callback : callbacks) {
            for (String monitor : callback.monitors()) {
                if (!available.contains(monitor)) {
                    throw new IllegalArgumentException(callback.getClass().getSimpleName() + " monitors '" + monitor
                            + "', which this run does not record; it records " + available + "." + hint(monitor, available));
                }
            }
        }
    }

    private static String hint(String monitor, List<String> available) {
        boolean validation = History.isValidation(monitor);
        if (validation && available.stream().noneMatch(History::isValidation)) {
            return " Values named val_... need validation data: add .validation(iterator) to the Trainer.";
        }
        for (String name : available) {
            if (name.startsWith(monitor) || monitor.startsWith(name)) {
                return " Did you mean '" + name + "'?";
            }
        }
        return validation ? "" : " Metrics other than loss need .metrics(...) on the Trainer.";
    }
}
