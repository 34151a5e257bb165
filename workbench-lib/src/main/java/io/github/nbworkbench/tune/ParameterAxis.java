package io.github.nbworkbench.tune;

import java.util.stream.IntStream;

/**
 * Where a parameter's values go on a chart's axis: a range's value itself (on a log axis when the
 * range is log-scaled), a choice's index among its values.
 */
record ParameterAxis(Parameter parameter) {

    String name() {
        return parameter.name();
    }

    boolean isChoice() {
        return parameter instanceof Parameter.Choice;
    }

    boolean isLog() {
        if (parameter instanceof Parameter.IntRange range) {
            return range.log();
        }
        return parameter instanceof Parameter.RealRange range && range.log();
    }

    /** A value's place on the axis: the number for a range, the index for a choice. */
    double position(Object value) {
        if (parameter instanceof Parameter.Choice choice) {
            int index = choice.values().indexOf(value);
            if (index < 0) {
                throw new IllegalArgumentException("'" + name() + "' = " + value + " is not one of its choices " + choice.values()
                        + ": were these trials searched over another space?");
            }
            return index;
        }
        return ((Number) value).doubleValue();
    }

    /** The positions the search could reach: every choice's index, or a range's two ends. */
    double[] extent() {
        if (parameter instanceof Parameter.Choice choice) {
            return IntStream.range(0, choice.values().size()).asDoubleStream().toArray();
        }
        if (parameter instanceof Parameter.IntRange range) {
            return new double[] {range.min(), range.max()};
        }
        Parameter.RealRange range = (Parameter.RealRange) parameter;
        return new double[] {range.min(), range.max()};
    }

    /** A value's place from 0 (the extent's start) to 1 (its end), in the logarithm for a log range; 0.5 when the extent is one point. */
    double scaled(Object value) {
        double[] extent = extent();
        double from = extent[0];
        double to = extent[extent.length - 1];
        double position = position(value);
        if (isLog()) {
            from = Math.log(from);
            to = Math.log(to);
            position = Math.log(position);
        }
        return to > from ? (position - from) / (to - from) : 0.5;
    }
}
