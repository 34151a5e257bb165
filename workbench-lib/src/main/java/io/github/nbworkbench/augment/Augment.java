package io.github.nbworkbench.augment;

/**
 * Where augmentation starts in a notebook:
 * <pre>{@code
 * AugmentationPipeline augment = Augment.pipeline().flipHorizontal(0.5).cropWithPadding(4).rotate(10).seed(42).build();
 * DataSetIterator training = augment.wrap(trainIterator);
 * }</pre>
 */
public final class Augment {

    private Augment() {
    }

    /** A new, empty pipeline builder. */
    public static AugmentationPipeline.Builder pipeline() {
        return AugmentationPipeline.builder();
    }
}
