package io.github.nbworkbench.augment;

/** What {@link RandomErasing} writes into an erased rectangle. */
public enum ErasingFill {
    /** Zero. */
    ZERO,
    /** The mean of the image's channel, taken before erasing. */
    MEAN
}
