package io.github.nbworkbench.tune;

import io.github.nbworkbench.train.Mode;
import java.util.Map;
import java.util.Optional;

/** {@link Pruner#none()}. */
record NoPruning() implements Pruner {

    @Override
    public Optional<String> stopReason(int number, double[] curve, int maxEpochs, Map<Integer, double[]> earlier, Mode mode) {
        return Optional.empty();
    }

    @Override
    public String description() {
        return "no pruning";
    }
}
