package io.github.nbworkbench.deploy.graph;

/** The activations an {@link InferenceGraph} can carry: the ones ONNX and SameDiff both have as single ops. */
public enum ActivationKind {
    RELU, LEAKY_RELU, ELU, SIGMOID, TANH, SOFTPLUS, SOFTMAX
}
