/**
 * What went wrong in training, in words: {@link io.github.nbworkbench.diagnose.TrainingStatistics}
 * measures the layers while a run trains (gradient and update norms, zero and dead ReLU units) and
 * {@link io.github.nbworkbench.diagnose.TrainingDoctor} reads the run's History and those statistics
 * and writes diagnoses with the evidence and what to try.
 */
package io.github.nbworkbench.diagnose;
