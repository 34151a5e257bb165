package io.github.nbworkbench.augment;

import java.util.random.RandomGenerator;

/**
 * Pads each image by k pixels on every side, then crops it back to H x W at a random offset: a
 * random shift of the content by -k..k pixels in x and in y, independently per image.
 */
public final class RandomCropWithPadding implements ImageAugmentation {

    private final int padding;
    private final Padding mode;

    /** Zero padding of {@code padding} pixels. */
    public RandomCropWithPadding(int padding) {
        this(padding, Padding.ZERO);
    }

    public RandomCropWithPadding(int padding, Padding mode) {
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0 pixels, got " + padding);
        }
        if (mode == null) {
            throw new IllegalArgumentException("padding mode must not be null");
        }
        this.padding = padding;
        this.mode = mode;
    }

    @Override
    public ImageBatch apply(ImageBatch images, RandomGenerator random) {
        if (mode == Padding.REFLECT && padding >= Math.min(images.height(), images.width())) {
            throw new IllegalArgumentException("reflect padding of " + padding + " pixels needs images larger than "
                    + padding + " pixels on each side, got " + images.height() + " x " + images.width());
        }
        ImageBatch shifted = images.zerosLike();
        int[] sourceColumns = new int[images.width()];
        int[] sourceRows = new int[images.height()];
        for (int image = 0; image < images.count(); image++) {
            int dx = random.nextInt(2 * padding + 1) - padding;
            int dy = random.nextInt(2 * padding + 1) - padding;
            sourceIndices(sourceColumns, dx);
            sourceIndices(sourceRows, dy);
            copyShifted(images, shifted, image, sourceRows, sourceColumns, dx);
        }
        return shifted;
    }

    /** For each output index i, the source index i + shift after padding, or -1 for a zero. */
    private void sourceIndices(int[] indices, int shift) {
        int size = indices.length;
        for (int i = 0; i < size; i++) {
            int source = i + shift;
            if (source < 0 || source >= size) {
                source = mode == Padding.ZERO ? -1 : source < 0 ? -source : 2 * (size - 1) - source;
            }
            indices[i] = source;
        }
    }

    /** Copies each row's in-frame span in one piece; only the few padded columns go through the index table. */
    private static void copyShifted(ImageBatch from, ImageBatch to, int image, int[] sourceRows, int[] sourceColumns, int dx) {
        float[] source = from.data();
        float[] target = to.data();
        int width = from.width();
        // shifts beyond the width (zero padding wider than the image) leave no span
        int spanStart = Math.min(width, Math.max(0, -dx));
        int spanEnd = Math.max(spanStart, Math.min(width, width - dx));
        for (int channel = 0; channel < from.channels(); channel++) {
            int planeStart = image * from.imageSize() + channel * from.planeSize();
            for (int y = 0; y < sourceRows.length; y++) {
                if (sourceRows[y] < 0) {
                    continue;
                }
                int sourceRow = planeStart + sourceRows[y] * width;
                int targetRow = planeStart + y * width;
                System.arraycopy(source, sourceRow + spanStart + dx, target, targetRow + spanStart, spanEnd - spanStart);
                copyColumns(source, target, sourceRow, targetRow, sourceColumns, 0, spanStart);
                copyColumns(source, target, sourceRow, targetRow, sourceColumns, spanEnd, width);
            }
        }
    }

    private static void copyColumns(float[] source, float[] target, int sourceRow, int targetRow, int[] sourceColumns,
                                    int from, int to) {
        for (int x = from; x < to; x++) {
            if (sourceColumns[x] >= 0) {
                target[targetRow + x] = source[sourceRow + sourceColumns[x]];
            }
        }
    }

    @Override
    public String toString() {
        return "RandomCropWithPadding(" + padding + ", " + mode + ")";
    }
}
