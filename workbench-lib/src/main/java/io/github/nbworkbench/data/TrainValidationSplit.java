package io.github.nbworkbench.data;

/** The two parts of a dataset: {@code train} to fit on, {@code validation} to watch for overfitting. */
public record TrainValidationSplit(LabeledDataset train, LabeledDataset validation) {
}
