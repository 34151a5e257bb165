package io.github.nbworkbench.augment;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One random augmentation of a whole batch of images. The result depends only on the images and on
 * the numbers drawn from the random generator, so the same seed gives the same output.
 */
public non-sealed interface ImageAugmentation extends AugmentationStep {

    /**
     * Augments a batch. Implementations may change {@code images} in place and return it, or return
     * a new batch of the same shape.
     */
    ImageBatch apply(ImageBatch images, RandomGenerator random);

    /**
     * Augments a batch of shape [N, C, H, W] and returns a new FLOAT array; {@code images} is left as it was.
     *
     * @throws IllegalArgumentException when {@code images} is not of shape [N, C, H, W]
     */
    default INDArray apply(INDArray images, RandomGenerator random) {
        return apply(ImageBatch.copyOf(images), random).toINDArray();
    }
}
