package io.github.nbworkbench.augment;

import io.github.nbworkbench.plot.ImageRows;
import java.awt.image.BufferedImage;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A few images before and after a pipeline, to check by eye what it does. {@link #image()} is a
 * picture with the originals in the top row and their augmented versions below (see {@link ImageRows});
 * a notebook shows it when it is a cell's value:
 * <pre>{@code
 * AugmentationPreview.of(pipeline, trainBatch.getFeatures(), 8).image()
 * }</pre>
 */
public final class AugmentationPreview {

    private final INDArray originals;
    private final INDArray augmented;

    private AugmentationPreview(INDArray originals, INDArray augmented) {
        this.originals = originals;
        this.augmented = augmented;
    }

    /**
     * Augments the first {@code n} images of {@code sampleBatch} ([N, C, H, W]) as the pipeline's
     * batch number 0, so the same pipeline always shows the same preview.
     */
    public static AugmentationPreview of(AugmentationPipeline pipeline, INDArray sampleBatch, int n) {
        NchwShape.require(sampleBatch);
        if (n < 1 || n > sampleBatch.size(0)) {
            throw new IllegalArgumentException("n must lie in 1.." + sampleBatch.size(0) + " (the batch size), got " + n);
        }
        INDArray originals = sampleBatch.get(NDArrayIndex.interval(0, n)).dup('c');
        return new AugmentationPreview(originals, pipeline.apply(originals, 0));
    }

    /** The first n images of the sample, [n, C, H, W]. */
    public INDArray originals() {
        return originals;
    }

    /** The same images after the pipeline, [n, C, H, W]. */
    public INDArray augmented() {
        return augmented;
    }

    /**
     * Originals in a row labelled "original" above their augmented versions, labelled "augmented",
     * drawn as {@link ImageRows} draws them: scaled up by whole pixels to a readable size, one channel
     * as gray and three as RGB, values in [0, 1] as they are and other ranges stretched.
     */
    public BufferedImage image() {
        return ImageRows.of().row("original", originals).row("augmented", augmented).limit((int) originals.size(0)).image();
    }
}
