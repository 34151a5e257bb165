package io.github.nbworkbench.augment;

import java.util.random.RandomGenerator;

/**
 * A random augmentation that sees the labels along with the images: it mixes them ({@link MixUp},
 * {@link CutMix}) or picks examples by their class ({@link ForClasses}). A pipeline with such a step
 * needs labels that are one-hot or probability rows, and must be applied to DataSets.
 */
public non-sealed interface LabeledAugmentation extends AugmentationStep {

    /**
     * Augments a batch. Implementations may change {@code batch}'s images and labels in place and
     * return it, or return a new batch of the same shapes.
     */
    LabeledBatch apply(LabeledBatch batch, RandomGenerator random);
}
