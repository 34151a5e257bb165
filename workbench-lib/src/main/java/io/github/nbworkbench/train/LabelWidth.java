package io.github.nbworkbench.train;

/**
 * Implemented by a loss function whose labels carry more columns than the model's outputs, such as
 * knowledge distillation's teacher targets beside the true labels, so that the check before
 * training accepts them as well as labels of the output's width.
 */
public interface LabelWidth {

    /** The label columns this loss takes for an output of {@code outputColumns} columns. */
    long labelColumns(long outputColumns);
}
