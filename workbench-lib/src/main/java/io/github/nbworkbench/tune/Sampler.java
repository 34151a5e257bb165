package io.github.nbworkbench.tune;

import io.github.nbworkbench.train.Mode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/**
 * Chooses the parameters of a search's next trial: {@link #random()}, {@link #grid(int)} or the
 * model-based {@link #tpe()}, which learns from the trials so far where good values lie.
 */
public sealed interface Sampler permits RandomSampler, GridSampler, TpeSampler {

    /** Each trial drawn independently from the space (KerasTuner's RandomSearch). */
    static Sampler random() {
        return new RandomSampler();
    }

    /** Every combination of the space's values, {@code pointsPerRange} values spread over each range, in order. */
    static Sampler grid(int pointsPerRange) {
        if (pointsPerRange < 1) {
            throw new IllegalArgumentException("A grid needs 1 point per range or more, got " + pointsPerRange);
        }
        return new GridSampler(pointsPerRange);
    }

    /**
     * The Tree-structured Parzen Estimator (Bergstra et al. 2011, Optuna's default): after
     * {@value TpeSampler#STARTUP_TRIALS} random trials, each parameter is drawn where the best quarter
     * of the trials so far is dense and the rest is sparse.
     */
    static Sampler tpe() {
        return new TpeSampler(TpeSampler.STARTUP_TRIALS);
    }

    /**
     * The parameters of trial {@code number}, or none when this sampler has nothing left to try.
     *
     * @param finished the trials so far, by number
     * @param mode     whether a higher objective is better (MAX) or a lower one (MIN), resolved
     * @param random   this trial's own generator, seeded from the search's seed and the trial number
     */
    Optional<Params> propose(SearchSpace space, int number, List<Trial> finished, Mode mode, Random random);

    /** How many trials this sampler can propose, when it is limited (a grid). */
    default OptionalInt limit(SearchSpace space) {
        return OptionalInt.empty();
    }

    /** A short name for displays and the search's settings file, such as {@code "random"}. */
    String description();
}
