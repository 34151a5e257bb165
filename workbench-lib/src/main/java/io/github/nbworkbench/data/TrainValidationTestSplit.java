package io.github.nbworkbench.data;

/**
 * The three parts of a dataset from {@link LabeledDataset#trainValidationTestSplit}: {@code train} to fit
 * on, {@code validation} to watch and tune with, {@code test} to score once at the end.
 */
public record TrainValidationTestSplit(LabeledDataset train, LabeledDataset validation, LabeledDataset test) {
}
