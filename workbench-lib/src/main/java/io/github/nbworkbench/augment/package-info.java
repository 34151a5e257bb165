/**
 * Random augmentation of whole batches of images ([N, C, H, W] float INDArrays), seeded and
 * reproducible: flips, crop with padding (random shift), rotation, zoom and affine warps,
 * brightness/contrast, Gaussian noise and cutout / random erasing; MixUp and CutMix, which mix the
 * labels too; and augmentation of chosen (rare) classes only.
 *
 * <p>Start with {@link io.github.nbworkbench.augment.AugmentationPipeline#builder()}; feed training through
 * {@link io.github.nbworkbench.augment.AugmentationPipeline#wrap}, which augments in a background
 * thread; look at the effect with {@link io.github.nbworkbench.augment.AugmentationPreview}.
 * Augment raw images (pixels in [0, 1]) and normalize afterwards.
 */
package io.github.nbworkbench.augment;
