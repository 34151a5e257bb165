/**
 * Handing results on and comparing runs: {@link io.github.nbworkbench.results.RunExport} writes a
 * run's History, tables, charts, model ({@link io.github.nbworkbench.results.ExportableModel}) and
 * {@link io.github.nbworkbench.results.RunCard} into one folder in one call, atomically, through
 * {@link io.github.nbworkbench.results.ResultFolder}, the one writer of result files;
 * {@link io.github.nbworkbench.results.SavedRun} reads runs back;
 * {@link io.github.nbworkbench.results.Runs} compares runs, in memory or read back, in one table and
 * one chart; {@link io.github.nbworkbench.results.DeterminismCheck} tells whether training repeats
 * bit for bit.
 */
package io.github.nbworkbench.results;
