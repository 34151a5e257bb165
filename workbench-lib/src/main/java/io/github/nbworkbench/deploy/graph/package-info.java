/**
 * What a trained network computes at inference, as plain steps with their own weights
 * ({@link io.github.nbworkbench.deploy.graph.InferenceGraph}), and the same steps rebuilt on DL4J's
 * SameDiff engine ({@link io.github.nbworkbench.deploy.graph.SameDiffInference}). The ONNX export
 * in {@code deploy.onnx} reads the same steps.
 */
package io.github.nbworkbench.deploy.graph;
