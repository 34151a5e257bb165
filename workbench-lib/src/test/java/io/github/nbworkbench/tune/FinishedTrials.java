package io.github.nbworkbench.tune;

import java.util.LinkedHashMap;
import java.util.Map;

/** A search space with every kind of parameter, and finished trials built by hand over it, for the end-of-search charts and importance. */
final class FinishedTrials {

    static final SearchSpace SPACE = SearchSpace.builder()
            .logRange("learningRate", 1e-4, 1e-1)
            .intRange("width", 16, 128)
            .choice("optimizer", "adam", "sgd", "rmsprop")
            .flag("dropout")
            .range("dropoutRate", 0.1, 0.5).when("dropout", true)
            .build();

    private FinishedTrials() {
    }

    /** A trial over {@link #SPACE}; {@code dropoutRate} NaN leaves dropout off and the rate absent. */
    static Trial trial(int number, double objective, Trial.Outcome outcome, double learningRate, int width, String optimizer,
            double dropoutRate) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("learningRate", learningRate);
        values.put("width", width);
        values.put("optimizer", optimizer);
        values.put("dropout", !Double.isNaN(dropoutRate));
        if (!Double.isNaN(dropoutRate)) {
            values.put("dropoutRate", dropoutRate);
        }
        return new Trial(number, new Params(values), objective, outcome == Trial.Outcome.STOPPED_EARLY ? 2 : 6, 10.0, outcome,
                outcome == Trial.Outcome.COMPLETED ? null : "reason of trial " + number);
    }

    static Trial completed(int number, double objective, double learningRate, int width, String optimizer, double dropoutRate) {
        return trial(number, objective, Trial.Outcome.COMPLETED, learningRate, width, optimizer, dropoutRate);
    }

    static Trial stoppedEarly(int number, double objective, double learningRate, int width, String optimizer, double dropoutRate) {
        return trial(number, objective, Trial.Outcome.STOPPED_EARLY, learningRate, width, optimizer, dropoutRate);
    }

    static Trial failed(int number, double learningRate, int width, String optimizer, double dropoutRate) {
        return trial(number, Double.NaN, Trial.Outcome.FAILED, learningRate, width, optimizer, dropoutRate);
    }
}
