/**
 * Hyperparameter search (issue 18, in progress): {@link io.github.nbworkbench.tune.SearchSpace}
 * declares what a search tries (choices, integer and real ranges, log scales, conditional
 * parameters) and draws or enumerates {@link io.github.nbworkbench.tune.Params}.
 */
package io.github.nbworkbench.tune;
