/**
 * Hyperparameter search that a notebook watches, stops and resumes. A {@link io.github.nbworkbench.tune.SearchSpace}
 * declares what to try; a {@link io.github.nbworkbench.tune.Tuner} runs trials (the usual Trainer, through
 * {@link io.github.nbworkbench.tune.TrialRun#trainer}) chosen by a {@link io.github.nbworkbench.tune.Sampler}
 * (random, grid, TPE) and stopped early by a {@link io.github.nbworkbench.tune.Pruner} (successive halving,
 * Hyperband) within a budget, keeps every finished trial in a {@link io.github.nbworkbench.tune.TrialLog},
 * and returns a {@link io.github.nbworkbench.tune.SearchResult}, drawn by {@link io.github.nbworkbench.tune.ObjectivePlot},
 * {@link io.github.nbworkbench.tune.ParameterPlot} and {@link io.github.nbworkbench.tune.ParallelCoordinatesPlot}
 * and weighed by {@link io.github.nbworkbench.tune.ParameterImportance}.
 */
package io.github.nbworkbench.tune;
