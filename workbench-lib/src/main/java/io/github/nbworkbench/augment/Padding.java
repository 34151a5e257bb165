package io.github.nbworkbench.augment;

/** What fills the border that {@link RandomCropWithPadding} adds around an image. */
public enum Padding {
    /** Zeros (black for images in [0, 1]). */
    ZERO,
    /** The image mirrored at its edge, without repeating the edge pixel (numpy's "reflect"). */
    REFLECT
}
