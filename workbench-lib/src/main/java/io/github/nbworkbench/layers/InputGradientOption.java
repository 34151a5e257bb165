package io.github.nbworkbench.layers;

/**
 * A layer configuration that can skip its input's gradient ({@code withoutInputGradient()}), which only a
 * layer fed by the network's input may do; {@link InputGradients} checks that before training.
 */
public interface InputGradientOption {

    /** Whether the backward pass computes the input's gradient (true unless {@code withoutInputGradient()}). */
    boolean isInputGradient();
}
