/**
 * Handing results on: {@link io.github.nbworkbench.results.RunExport} writes a run's History,
 * tables, charts, model and {@link io.github.nbworkbench.results.RunCard} into one folder in one
 * call, atomically; {@link io.github.nbworkbench.results.SavedRun} reads runs back and compares them;
 * {@link io.github.nbworkbench.results.DeterminismCheck} tells whether training repeats bit for bit.
 */
package io.github.nbworkbench.results;
