package io.github.nbworkbench.tune;

import io.github.nbworkbench.train.Mode;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** {@link Sampler#random()}. */
record RandomSampler() implements Sampler {

    @Override
    public Optional<Params> propose(SearchSpace space, int number, List<Trial> finished, Mode mode, Random random) {
        return Optional.of(space.sample(random));
    }

    @Override
    public String description() {
        return "random";
    }
}
