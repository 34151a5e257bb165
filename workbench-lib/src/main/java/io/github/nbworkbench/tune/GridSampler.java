package io.github.nbworkbench.tune;

import io.github.nbworkbench.train.Mode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/** {@link Sampler#grid(int)}: trial n tries the grid's n-th combination. */
record GridSampler(int pointsPerRange) implements Sampler {

    @Override
    public Optional<Params> propose(SearchSpace space, int number, List<Trial> finished, Mode mode, Random random) {
        List<Params> grid = space.grid(pointsPerRange);
        return number < grid.size() ? Optional.of(grid.get(number)) : Optional.empty();
    }

    @Override
    public OptionalInt limit(SearchSpace space) {
        return OptionalInt.of(space.grid(pointsPerRange).size());
    }

    @Override
    public String description() {
        return "grid (" + pointsPerRange + " points per range)";
    }
}
