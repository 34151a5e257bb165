/**
 * What training costs and how to spend less waiting: a budget measured before training
 * ({@link io.github.nbworkbench.compute.TrainingBudget}: time per batch and epoch, memory per
 * batch) and throughput against batch size and threads ({@link io.github.nbworkbench.compute.ThroughputSweep}).
 * Training on several workers at once is {@link io.github.nbworkbench.train.ParallelTraining}.
 */
package io.github.nbworkbench.compute;
