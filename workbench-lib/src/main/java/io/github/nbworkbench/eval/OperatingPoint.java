package io.github.nbworkbench.eval;

/**
 * A decision threshold for one class, one-vs-rest, and what it gives on the data it was chosen on:
 * an example counts as the class when its score is at or above {@code threshold}.
 */
public record OperatingPoint(String className, double threshold, double precision, double recall, double f1) {
}
