package io.github.nbworkbench.text;

import java.util.Random;

/**
 * How the next token is chosen from the model's predicted distribution. Make one with {@link Sampling}.
 * Implementations accept any non-negative weights: they need not sum to exactly 1.
 */
public interface SamplingStrategy {

    /**
     * The id of the next token.
     *
     * @param probabilities one weight per id, non-negative; left unchanged
     * @param random the source of randomness, so that seeded generation repeats
     * @throws IllegalStateException when the weights are NaN, infinite or all zero (the model diverged)
     */
    int pick(double[] probabilities, Random random);
}
