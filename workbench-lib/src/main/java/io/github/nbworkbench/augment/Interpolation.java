package io.github.nbworkbench.augment;

/** How a warp reads a pixel value at a position between pixel centres. */
public enum Interpolation {
    /** The closest pixel: exact for rotations by multiples of 90 degrees, blocky otherwise. */
    NEAREST,
    /** A weighted mean of the four surrounding pixels: smooth. */
    BILINEAR
}
