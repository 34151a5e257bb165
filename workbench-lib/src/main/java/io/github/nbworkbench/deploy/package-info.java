/**
 * Getting a trained network ready to deploy: where its size is ({@link io.github.nbworkbench.deploy.SizeReport})
 * and post-training int8 quantization of its weights, per tensor or per output channel, saved in a
 * checked file and loaded back into an FP32 network ({@link io.github.nbworkbench.deploy.Int8Quantizer},
 * {@link io.github.nbworkbench.deploy.QuantizedModel}). On CPU, DL4J M2.1 runs int8 and FP16 arrays
 * far slower than FP32, so int8 here buys size, not speed. Compression: magnitude pruning while
 * fine-tuning, weight clustering, and knowledge distillation into a smaller student
 * ({@link io.github.nbworkbench.deploy.Distillation}, {@link io.github.nbworkbench.deploy.DistillationLoss}).
 * {@link io.github.nbworkbench.deploy.InferenceBenchmark} times inference paths side by side;
 * {@link io.github.nbworkbench.deploy.DeploymentReport}
 * puts the variants side by side: size, accuracy and speed against a baseline, as a table, charts,
 * sentences and exported files.
 */
package io.github.nbworkbench.deploy;
