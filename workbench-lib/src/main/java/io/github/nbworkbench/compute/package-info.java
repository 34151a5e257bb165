/**
 * What training costs and what makes a model large: a budget measured before training
 * ({@link io.github.nbworkbench.compute.TrainingBudget}: time per batch and epoch, memory per
 * batch), throughput against batch size and threads ({@link io.github.nbworkbench.compute.ThroughputSweep}),
 * the memory per parameter of weights, gradients and optimizer state extrapolated to billions of
 * parameters ({@link io.github.nbworkbench.compute.TrainingMemory}) and the FLOPs of a training step
 * from the layer shapes ({@link io.github.nbworkbench.compute.Flops}). Training on several workers
 * at once is {@link io.github.nbworkbench.train.ParallelTraining}; the update of a large batch on
 * the memory of a small one is {@link io.github.nbworkbench.train.Trainer#accumulateGradients}.
 */
package io.github.nbworkbench.compute;
