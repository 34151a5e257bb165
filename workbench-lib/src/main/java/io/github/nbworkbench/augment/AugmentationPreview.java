package io.github.nbworkbench.augment;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A few images before and after a pipeline, to check by eye what it does. {@link #image()} is a
 * picture with the originals in the top row and their augmented versions below, small images scaled
 * up by whole pixels to a readable size (28 px to 84 px, 8 px to 88 px, as in ImageGrid); a notebook
 * shows it when it is a cell's value:
 * <pre>{@code
 * AugmentationPreview.of(pipeline, trainBatch.getFeatures(), 8).image()
 * }</pre>
 */
public final class AugmentationPreview {

    /** Images are scaled up by whole pixels until their longer side reaches this. */
    static final int READABLE_SIZE = 84;
    private static final int GAP = 2;
    private static final Color BACKGROUND = new Color(0x40, 0x40, 0x40);

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
     * Originals above, augmented below, scaled up to a readable size. One channel shows as gray, three
     * as RGB, other counts show their first channel. Values in [0, 1] map to black..white; other
     * ranges are stretched from their minimum to their maximum.
     */
    public BufferedImage image() {
        ImageBatch top = ImageBatch.copyOf(originals);
        ImageBatch bottom = ImageBatch.copyOf(augmented);
        float[] range = valueRange(top, bottom);
        int scale = scaleFor(Math.max(top.width(), top.height()));
        int cellWidth = top.width() * scale;
        int cellHeight = top.height() * scale;
        BufferedImage grid = new BufferedImage(GAP + top.count() * (cellWidth + GAP), GAP + 2 * (cellHeight + GAP),
                BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < grid.getWidth(); x++) {
            for (int y = 0; y < grid.getHeight(); y++) {
                grid.setRGB(x, y, BACKGROUND.getRGB());
            }
        }
        for (int image = 0; image < top.count(); image++) {
            int left = GAP + image * (cellWidth + GAP);
            draw(top, image, range, scale, grid, left, GAP);
            draw(bottom, image, range, scale, grid, left, 2 * GAP + cellHeight);
        }
        return grid;
    }

    static int scaleFor(int longerSide) {
        return Math.max(1, (READABLE_SIZE + longerSide - 1) / longerSide);
    }

    private static float[] valueRange(ImageBatch... batches) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (ImageBatch batch : batches) {
            for (float value : batch.data()) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (min >= 0 && max <= 1) {
            return new float[] {0, 1};
        }
        return new float[] {min, max > min ? max : min + 1};
    }

    private static void draw(ImageBatch batch, int image, float[] range, int scale, BufferedImage grid, int left, int top) {
        boolean rgb = batch.channels() == 3;
        int start = image * batch.imageSize();
        for (int y = 0; y < batch.height(); y++) {
            for (int x = 0; x < batch.width(); x++) {
                int pixel = start + y * batch.width() + x;
                int red = level(batch.data()[pixel], range);
                int green = rgb ? level(batch.data()[pixel + batch.planeSize()], range) : red;
                int blue = rgb ? level(batch.data()[pixel + 2 * batch.planeSize()], range) : red;
                int color = (red << 16) | (green << 8) | blue;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        grid.setRGB(left + x * scale + dx, top + y * scale + dy, color);
                    }
                }
            }
        }
    }

    private static int level(float value, float[] range) {
        float scaled = (value - range[0]) / (range[1] - range[0]);
        return Math.round(255 * Math.min(1f, Math.max(0f, scaled)));
    }
}
