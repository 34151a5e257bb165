package io.github.nbworkbench.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values one finished epoch recorded, by history column name (loss, val_loss, accuracy,
 * val_accuracy, lr, seconds, samples_per_s) in the history's column order; {@code epoch} is 1-based.
 */
public record EpochValues(int epoch, Map<String, Double> values) {

    public EpochValues {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value named {@code name}; fails with the names there are when the epoch has no such value. */
    public double get(String name) {
        Double value = values.get(name);
        if (value == null) {
            String hint = History.isValidation(name)
                    ? " Values named val_... need validation data: add .validation(iterator) to the Trainer."
                    : " Metrics other than loss need .metrics(...) on the Trainer.";
            throw new IllegalArgumentException("Epoch " + epoch + " has no value '" + name + "'; it has " + values.keySet() + "." + hint);
        }
        return value;
    }
}
