package io.github.nbworkbench.tune;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * The hyperparameters a search tries, as in KerasTuner and Optuna: choices, integer and real
 * ranges, log-scaled ranges, and parameters that exist only when an earlier one has a given value.
 * <pre>{@code
 * SearchSpace space = SearchSpace.builder()
 *     .logRange("learningRate", 1e-4, 1e-1)
 *     .intRange("width", 32, 256)
 *     .choice("batchSize", 32, 64, 128)
 *     .flag("dropout")
 *     .range("dropoutRate", 0.1, 0.5).when("dropout", true)
 *     .build();
 * Params trial = space.sample(new Random(42));
 * }</pre>
 */
public final class SearchSpace {

    /** A parameter and, for a conditional one, the earlier parameter and value it needs. */
    private record Entry(Parameter parameter, String parent, Object parentValue) {
        boolean applies(Map<String, Object> chosen) {
            return parent == null || parentValue.equals(chosen.get(parent));
        }
    }

    private final List<Entry> entries;

    private SearchSpace(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The parameters, in the order they were declared. */
    public List<Parameter> parameters() {
        return entries.stream().map(Entry::parameter).toList();
    }

    /** One trial's values, drawn independently; conditional parameters only where their condition holds. */
    public Params sample(Random random) {
        return draw(parameter -> parameter.sample(random));
    }

    /** One trial's values, each drawn by {@code drawer}; conditional parameters only where their condition holds. */
    Params draw(Function<Parameter, Object> drawer) {
        Map<String, Object> chosen = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (entry.applies(chosen)) {
                chosen.put(entry.parameter().name(), drawer.apply(entry.parameter()));
            }
        }
        return new Params(chosen);
    }

    /**
     * Every combination of the parameters' grid values ({@code pointsPerRange} values spread over
     * each range, every value of a choice), in declaration order, conditional parameters only
     * where their condition holds.
     */
    public List<Params> grid(int pointsPerRange) {
        if (pointsPerRange < 1) {
            throw new IllegalArgumentException("A grid needs 1 point per range or more, got " + pointsPerRange);
        }
        List<Map<String, Object>> combinations = List.of(new LinkedHashMap<>());
        for (Entry entry : entries) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> combination : combinations) {
                if (!entry.applies(combination)) {
                    next.add(combination);
                    continue;
                }
                for (Object value : entry.parameter().gridValues(pointsPerRange)) {
                    Map<String, Object> extended = new LinkedHashMap<>(combination);
                    extended.put(entry.parameter().name(), value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        return combinations.stream().map(Params::new).toList();
    }

    /** Params written as a JSON object of name to value, read back with each parameter's Java type. */
    Params paramsFromJson(JsonObject json) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> value : json.entrySet()) {
            Parameter parameter = entries.stream().map(Entry::parameter).filter(p -> p.name().equals(value.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + value.getKey() + "' is not a parameter of this search space "
                            + parameters().stream().map(Parameter::name).toList()));
            values.put(value.getKey(), parameter.fromJson(value.getValue()));
        }
        return new Params(values);
    }

    /** Every parameter with its range or values, and its condition if it has one. */
    @Override
    public String toString() {
        return "SearchSpace" + entries.stream()
                .map(entry -> entry.parameter() + (entry.parent() == null ? "" : " when " + entry.parent() + " = " + entry.parentValue()))
                .toList();
    }

    /** Declares the parameters in order; {@link #when} makes the last one conditional. */
    public static final class Builder {

        private final List<Entry> entries = new ArrayList<>();
        private final Set<String> names = new HashSet<>();

        private Builder() {
        }

        /** An integer from min to max, both included, each equally likely. */
        public Builder intRange(String name, int min, int max) {
            checkOrder(name, min, max);
            return add(new Parameter.IntRange(name, min, max, false));
        }

        /** An integer from min to max, both included, uniform in its logarithm (as many from 16 to 32 as from 128 to 256). */
        public Builder logIntRange(String name, int min, int max) {
            checkOrder(name, min, max);
            checkPositive(name, min, max);
            return add(new Parameter.IntRange(name, min, max, true));
        }

        /** A real number from min to max, uniform. */
        public Builder range(String name, double min, double max) {
            checkFinite(name, min, max);
            checkOrder(name, min, max);
            return add(new Parameter.RealRange(name, min, max, false));
        }

        /** A real number from min to max, uniform in its logarithm: the usual scale for learning rates. */
        public Builder logRange(String name, double min, double max) {
            checkFinite(name, min, max);
            checkOrder(name, min, max);
            checkPositive(name, min, max);
            return add(new Parameter.RealRange(name, min, max, true));
        }

        public Builder choice(String name, int... values) {
            return choice(name, IntStream.of(values).boxed().map(value -> (Object) value).toList());
        }

        public Builder choice(String name, double... values) {
            return choice(name, DoubleStream.of(values).boxed().map(value -> (Object) value).toList());
        }

        public Builder choice(String name, String... values) {
            return choice(name, List.<Object>of(values));
        }

        /** On or off, each equally likely. */
        public Builder flag(String name) {
            return choice(name, List.<Object>of(true, false));
        }

        private Builder choice(String name, List<Object> values) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("The choice '" + name + "' has no values: give it one or more");
            }
            if (new HashSet<>(values).size() < values.size()) {
                throw new IllegalArgumentException("The choice '" + name + "' lists a value twice: " + values);
            }
            return add(new Parameter.Choice(name, values));
        }

        /** The last parameter exists only in trials where the earlier flag {@code parent} is {@code value}. */
        public Builder when(String parent, boolean value) {
            return condition(parent, value);
        }

        /** The last parameter exists only in trials where the earlier choice {@code parent} is {@code value}. */
        public Builder when(String parent, String value) {
            return condition(parent, value);
        }

        /** The last parameter exists only in trials where the earlier parameter {@code parent} is {@code value}. */
        public Builder when(String parent, int value) {
            return condition(parent, value);
        }

        public SearchSpace build() {
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("A search space needs at least one parameter: add one with range, logRange, "
                        + "intRange, logIntRange, choice or flag");
            }
            return new SearchSpace(entries);
        }

        private Builder condition(String parent, Object value) {
            if (entries.isEmpty()) {
                throw new IllegalStateException("when(" + parent + ", " + value + ") needs a parameter before it to apply to");
            }
            Entry last = entries.get(entries.size() - 1);
            String name = last.parameter().name();
            if (last.parent() != null) {
                throw new IllegalStateException("'" + name + "' already depends on '" + last.parent() + "'; one condition per parameter");
            }
            Parameter parentParameter = entries.stream().map(Entry::parameter).filter(p -> p.name().equals(parent)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + name + "' depends on '" + parent
                            + "', which is not declared before it; declared: " + entries.stream().map(e -> e.parameter().name()).toList()));
            if (!(parentParameter instanceof Parameter.Choice choice) || !choice.values().contains(value)) {
                throw new IllegalArgumentException("'" + name + "' depends on '" + parent + "' being " + value
                        + ", a value it never takes: " + parentParameter);
            }
            entries.set(entries.size() - 1, new Entry(last.parameter(), parent, value));
            return this;
        }

        private Builder add(Parameter parameter) {
            if (parameter.name() == null || parameter.name().isBlank()) {
                throw new IllegalArgumentException("A parameter needs a name, got '" + parameter.name() + "'");
            }
            if (!names.add(parameter.name())) {
                throw new IllegalArgumentException("The search space already has a parameter '" + parameter.name() + "'");
            }
            entries.add(new Entry(parameter, null, null));
            return this;
        }

        private static void checkOrder(String name, double min, double max) {
            if (min > max) {
                throw new IllegalArgumentException("The range of '" + name + "' runs from " + min + " to " + max
                        + ": the minimum must not exceed the maximum");
            }
        }

        private static void checkPositive(String name, double min, double max) {
            if (min <= 0) {
                throw new IllegalArgumentException("The log range of '" + name + "' [" + min + ", " + max + "] must lie above 0: "
                        + "a log scale never reaches 0 or below; use a linear range, or start it at a small positive value");
            }
        }

        private static void checkFinite(String name, double min, double max) {
            if (!Double.isFinite(min) || !Double.isFinite(max)) {
                throw new IllegalArgumentException("The range of '" + name + "' needs finite ends, got [" + min + ", " + max + "]");
            }
        }
    }
}
