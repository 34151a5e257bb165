package io.github.nbworkbench.augment;

/** Checks of probabilities given to augmentations. */
final class Probability {

    private Probability() {
    }

    static double require(double p, String what) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " must be a probability in [0, 1], got " + p);
        }
        return p;
    }
}
