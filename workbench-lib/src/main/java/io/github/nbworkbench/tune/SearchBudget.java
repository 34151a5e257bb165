package io.github.nbworkbench.tune;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a search starts no more trials: after a number of trials, of epochs over all trials, or of
 * seconds of training (the recorded trials of a resumed search count). A trial that has started
 * finishes, except that the epoch budget shortens the last one.
 */
record SearchBudget(Integer trials, Integer epochs, Duration time) {

    /** Why the search ends before trial number {@code finished.size()}, if it does. */
    Optional<String> exhausted(List<Trial> finished) {
        if (trials != null && finished.size() >= trials) {
            return Optional.of("ran its " + trials + " trials");
        }
        if (epochs != null && epochsLeft(finished) <= 0) {
            return Optional.of("trained its budget of " + epochs + " epochs");
        }
        if (time != null && seconds(finished) >= time.toMillis() / 1000.0) {
            return Optional.of("used its time budget of " + Durations.text(time));
        }
        return Optional.empty();
    }

    /** The epochs the next trial may train: {@code maxEpochs}, or fewer when the epoch budget is nearly spent. */
    int epochsFor(List<Trial> finished, int maxEpochs) {
        return epochs == null ? maxEpochs : Math.min(maxEpochs, epochsLeft(finished));
    }

    private int epochsLeft(List<Trial> finished) {
        return epochs - finished.stream().mapToInt(Trial::epochs).sum();
    }

    private static double seconds(List<Trial> finished) {
        return finished.stream().mapToDouble(Trial::seconds).sum();
    }
}
