/**
 * Hyperparameter search (issue 18, in progress): {@link io.github.nbworkbench.tune.SearchSpace}
 * declares what a search tries (choices, integer and real ranges, log scales, conditional
 * parameters) and draws or enumerates {@link io.github.nbworkbench.tune.Params}; {@link io.github.nbworkbench.tune.TrialLog}
 * keeps each finished {@link io.github.nbworkbench.tune.Trial} in a folder, written atomically, to resume from.
 */
package io.github.nbworkbench.tune;
