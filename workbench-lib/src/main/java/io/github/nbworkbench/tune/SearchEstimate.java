package io.github.nbworkbench.tune;

import io.github.nbworkbench.tables.ReadableNumbers;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How long a search will take on this machine, known before it starts: training steps of its first
 * trials timed in their own Trainer, times the epochs its budget allows. Validation is not included.
 *
 * @param measured     the configurations timed, in the order the search would try them
 * @param epochs       the epochs the search's budget allows over all trials
 * @param upperBound   true when pruning will likely stop trials early, so the search takes less
 * @param timeBudget   the search's time budget, or null
 */
public record SearchEstimate(List<Measurement> measured, int epochs, boolean upperBound, Duration timeBudget) {

    /** One configuration's training speed. */
    public record Measurement(Params params, double secondsPerStep, long stepsPerEpoch, long parameters) {
        public double secondsPerEpoch() {
            return secondsPerStep * stepsPerEpoch;
        }
    }

    public SearchEstimate {
        measured = List.copyOf(measured);
    }

    /** The mean seconds per epoch over the configurations timed. */
    public double secondsPerEpoch() {
        return measured.stream().mapToDouble(Measurement::secondsPerEpoch).average().orElseThrow();
    }

    /** The estimated training time of the whole search, no more than its time budget. */
    public Duration duration() {
        Duration training = Duration.ofMillis(Math.round(secondsPerEpoch() * epochs * 1000));
        return timeBudget != null && timeBudget.compareTo(training) < 0 ? timeBudget : training;
    }

    /** One row per configuration timed: its parameters, parameters of the model, steps per epoch, seconds per step and per epoch. */
    public Table table() {
        return Table.create("Training speed of the search's first configurations",
                StringColumn.create("configuration", measured.stream().map(m -> ParamsText.of(m.params()))),
                LongColumn.create("model parameters", measured.stream().mapToLong(Measurement::parameters).toArray()),
                LongColumn.create("steps per epoch", measured.stream().mapToLong(Measurement::stepsPerEpoch).toArray()),
                ReadableNumbers.apply(DoubleColumn.create("seconds per step", measured.stream().mapToDouble(Measurement::secondsPerStep).toArray())),
                ReadableNumbers.apply(DoubleColumn.create("seconds per epoch", measured.stream().mapToDouble(Measurement::secondsPerEpoch).toArray())));
    }

    @Override
    public String toString() {
        double training = secondsPerEpoch() * epochs;
        String sentence = String.format(Locale.ROOT, "%s%s: %d epochs at %.1f s each (the mean of %d configurations timed, %.1f to %.1f s)",
                upperBound ? "At most " : "About ", Durations.seconds(training), epochs, secondsPerEpoch(), measured.size(),
                measured.stream().mapToDouble(Measurement::secondsPerEpoch).min().orElseThrow(),
                measured.stream().mapToDouble(Measurement::secondsPerEpoch).max().orElseThrow());
        if (timeBudget != null && timeBudget.toMillis() / 1000.0 < training) {
            sentence += "; the time budget of " + Durations.text(timeBudget) + " ends it sooner";
        }
        return sentence + ", plus validation.";
    }
}
