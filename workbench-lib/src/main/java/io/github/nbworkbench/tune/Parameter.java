package io.github.nbworkbench.tune;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Random;

/**
 * One dimension of a {@link SearchSpace}: a named set of values a trial may take, drawn at random
 * or enumerated for a grid. Made through {@code SearchSpace}'s builder methods, which check them.
 */
public sealed interface Parameter permits Parameter.Choice, Parameter.IntRange, Parameter.RealRange {

    String name();

    /** A value drawn from this parameter's distribution. */
    Object sample(Random random);

    /** The values a grid tries: every choice, or {@code points} values spread over a range. */
    List<Object> gridValues(int points);

    /** A value of this parameter read back from JSON with its Java type (Integer, Double, String, Boolean). */
    Object fromJson(JsonElement json);

    /** One of a fixed list of values, each equally likely. */
    record Choice(String name, List<Object> values) implements Parameter {
        public Choice {
            values = List.copyOf(values);
        }

        @Override
        public Object sample(Random random) {
            return values.get(random.nextInt(values.size()));
        }

        @Override
        public List<Object> gridValues(int points) {
            return values;
        }

        @Override
        public Object fromJson(JsonElement json) {
            return values.stream().filter(value -> json.equals(toJson(value))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + name + "' = " + json + " is not one of " + values));
        }

        private static JsonElement toJson(Object value) {
            if (value instanceof Number number) {
                return new JsonPrimitive(number);
            }
            return value instanceof Boolean flag ? new JsonPrimitive(flag) : new JsonPrimitive(value.toString());
        }
    }

    /** An integer in [min, max], uniform, or uniform in its logarithm when {@code log}. */
    record IntRange(String name, int min, int max, boolean log) implements Parameter {
        @Override
        public Object sample(Random random) {
            if (log) {
                double value = Math.exp(uniform(random, Math.log(min), Math.log(max + 1.0)));
                return Math.min(max, (int) Math.floor(value));
            }
            return min + random.nextInt(max - min + 1);
        }

        @Override
        public List<Object> gridValues(int points) {
            return spread(min, max, Math.min(points, max - min + 1), log).stream()
                    .map(value -> (Object) (int) Math.round(value)).distinct().toList();
        }

        @Override
        public Object fromJson(JsonElement json) {
            return json.getAsInt();
        }
    }

    /** A real number in [min, max), uniform, or uniform in its logarithm when {@code log}. */
    record RealRange(String name, double min, double max, boolean log) implements Parameter {
        @Override
        public Object sample(Random random) {
            return log ? Math.exp(uniform(random, Math.log(min), Math.log(max))) : uniform(random, min, max);
        }

        @Override
        public List<Object> gridValues(int points) {
            return spread(min, max, points, log).stream().map(value -> (Object) value).toList();
        }

        @Override
        public Object fromJson(JsonElement json) {
            return json.getAsDouble();
        }
    }

    private static double uniform(Random random, double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    /** {@code points} values from min to max, both included, evenly spaced (in the logarithm when log). */
    private static List<Double> spread(double min, double max, int points, boolean log) {
        if (points == 1) {
            return List.of(log ? Math.sqrt(min * max) : (min + max) / 2);
        }
        double from = log ? Math.log(min) : min;
        double to = log ? Math.log(max) : max;
        return java.util.stream.IntStream.range(0, points)
                .mapToObj(i -> from + (to - from) * i / (points - 1))
                .map(value -> log ? Math.exp(value) : value)
                .toList();
    }
}
