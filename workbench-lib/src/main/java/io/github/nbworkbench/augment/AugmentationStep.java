package io.github.nbworkbench.augment;

/**
 * One step of an {@link AugmentationPipeline}: an {@link ImageAugmentation}, which changes only the
 * images, or a {@link LabeledAugmentation}, which also reads or changes the labels (MixUp, CutMix,
 * augmentation of chosen classes only).
 */
public sealed interface AugmentationStep permits ImageAugmentation, LabeledAugmentation {
}
