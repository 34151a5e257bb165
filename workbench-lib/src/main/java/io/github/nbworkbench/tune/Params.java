package io.github.nbworkbench.tune;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameter values of one trial, in the order the {@link SearchSpace} declares them; a
 * conditional parameter whose condition does not hold is absent ({@link #has}).
 */
public record Params(Map<String, Object> values) {

    public Params {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A real-valued parameter (an integer one is widened). */
    public double real(String name) {
        return ((Number) value(name, Number.class)).doubleValue();
    }

    public int integer(String name) {
        return value(name, Integer.class);
    }

    public boolean flag(String name) {
        return value(name, Boolean.class);
    }

    public String text(String name) {
        return value(name, String.class);
    }

    private <T> T value(String name, Class<T> type) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("This trial has no parameter '" + name + "'; it has " + values.keySet()
                    + (values.isEmpty() ? "" : " (a conditional parameter is absent when its condition does not hold: check has(name))"));
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("Parameter '" + name + "' is " + value + " (" + value.getClass().getSimpleName()
                    + "), not " + type.getSimpleName());
        }
        return type.cast(value);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
