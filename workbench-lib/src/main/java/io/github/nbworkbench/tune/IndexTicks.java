package io.github.nbworkbench.tune;

import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.XYChart;

/**
 * An x axis whose values are indices 0, 1, 2... (choices, or the axes of a parallel coordinates
 * chart), labelled with a text per index. XChart 3.8.8 puts one tick on each value only when the
 * axis's start, the values and its end, in that order, are equally spaced; so the axis runs from
 * one step before the first index to one step after the last. Its ends print one and two spaces:
 * XChart draws no ticks at all when both ends print alike (taking that for a format that cuts
 * decimals), and fails on an empty label.
 */
final class IndexTicks {

    private IndexTicks() {
    }

    /** Sets the x axis of {@code chart} to show {@code labels} at 0, 1, 2... */
    static void apply(XYChart chart, List<String> labels) {
        chart.getStyler().setXAxisMin(-1.0).setXAxisMax((double) labels.size());
        chart.getStyler().setxAxisTickLabelsFormattingFunction(labels(labels));
    }

    /** The label of each index, blank elsewhere (see the class comment). */
    static Function<Double, String> labels(List<String> labels) {
        return position -> {
            long index = Math.round(position);
            if (Math.abs(position - index) < 1e-9 && index >= 0 && index < labels.size()) {
                return labels.get((int) index);
            }
            return position < 0 ? " " : "  ";
        };
    }
}
