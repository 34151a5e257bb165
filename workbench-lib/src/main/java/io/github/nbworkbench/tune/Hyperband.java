package io.github.nbworkbench.tune;

import io.github.nbworkbench.train.Mode;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link Pruner#hyperband}: trial n belongs to bracket n mod b, where bracket s starts its rungs
 * after {@code minEpochs * reduction^s} epochs; the last bracket never stops a trial.
 */
record Hyperband(int minEpochs, int reduction) implements Pruner {

    @Override
    public Optional<String> stopReason(int number, double[] curve, int maxEpochs, Map<Integer, double[]> earlier, Mode mode) {
        int brackets = brackets(maxEpochs);
        int bracket = number % brackets;
        Map<Integer, double[]> sameBracket = earlier.entrySet().stream().filter(entry -> entry.getKey() % brackets == bracket)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new SuccessiveHalving(minEpochs * (int) Math.pow(reduction, bracket), reduction)
                .stopReason(number, curve, maxEpochs, sameBracket, mode)
                .map(reason -> reason + " in Hyperband bracket " + (bracket + 1) + " of " + brackets);
    }

    /** One bracket per rung that fits below the last epoch, plus one without rungs. */
    int brackets(int maxEpochs) {
        int brackets = 1;
        for (long firstRung = minEpochs; firstRung < maxEpochs; firstRung *= reduction) {
            brackets++;
        }
        return brackets;
    }

    @Override
    public String description() {
        return "Hyperband (first rung after " + minEpochs + " epochs, keeps 1/" + reduction + ")";
    }
}
