package io.github.nbworkbench.augment;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs steps in order, each with its own generator split from the batch's generator (one split per
 * step, in order), so a step's random numbers do not depend on what the steps before it drew.
 */
final class StepSequence {

    private final List<AugmentationStep> steps;

    StepSequence(List<? extends AugmentationStep> steps) {
        this.steps = List.copyOf(steps);
    }

    List<AugmentationStep> steps() {
        return steps;
    }

    /** The steps that need labels, for messages; empty when there are none. */
    List<LabeledAugmentation> labeledSteps() {
        return steps.stream().filter(LabeledAugmentation.class::isInstance).map(LabeledAugmentation.class::cast).toList();
    }

    /** Runs steps that are all {@link ImageAugmentation}s. */
    ImageBatch applyToImages(ImageBatch images, SplittableRandom random) {
        ImageBatch batch = images;
        for (AugmentationStep step : steps) {
            batch = ((ImageAugmentation) step).apply(batch, random.split());
        }
        return batch;
    }

    LabeledBatch apply(LabeledBatch labeled, SplittableRandom random) {
        LabeledBatch batch = labeled;
        for (AugmentationStep step : steps) {
            if (step instanceof ImageAugmentation images) {
                batch = batch.withImages(images.apply(batch.images(), random.split()));
            } else {
                batch = ((LabeledAugmentation) step).apply(batch, random.split());
            }
        }
        return batch;
    }
}
