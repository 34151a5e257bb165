package io.github.nbworkbench.deploy;

/** How many scales an int8 weight tensor gets. */
public enum Granularity {
    /** One scale for the whole tensor. */
    PER_TENSOR,
    /** One scale per output channel (a dense layer's column, a convolution's filter): smaller errors, a few more bytes. */
    PER_CHANNEL
}
