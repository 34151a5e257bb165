package io.github.nbworkbench.augment;

/** What a warp reads where it samples outside the image. */
public enum EdgeMode {
    /** Zero. */
    ZERO,
    /** The nearest edge pixel, repeated outwards. */
    NEAREST
}
