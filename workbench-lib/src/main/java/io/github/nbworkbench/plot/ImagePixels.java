package io.github.nbworkbench.plot;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Turns images of an NCHW array into scaled-up {@link BufferedImage}s. */
final class ImagePixels {

    /** Small images are scaled up by whole pixels until their longer side reaches this. */
    static final int MIN_DISPLAY_SIZE = 84;

    private ImagePixels() {
    }

    /** Fails with the expected and the given shape unless {@code images} is [N, 1 or 3, H, W]. */
    static void checkShape(INDArray images, String what) {
        long[] shape = images.shape();
        if (images.rank() == 4 && (shape[1] == 1 || shape[1] == 3)) {
            return;
        }
        String hint = images.rank() == 4 && (shape[3] == 1 || shape[3] == 3)
                ? " This looks like NHWC; use images.permute(0, 3, 1, 2)."
                : images.rank() == 2 ? " For flattened images use e.g. images.reshape(n, 1, 28, 28)."
                : images.rank() == 3 ? " For one channel use images.reshape(n, 1, h, w)." : "";
        throw new IllegalArgumentException(what + " must have shape [N, C, H, W] (NCHW) with C = 1 (grey) or 3 (RGB), got "
                + Arrays.toString(shape) + "." + hint);
    }

    /** Whole pixels to scale by so that the longer side reaches {@link #MIN_DISPLAY_SIZE}. */
    static int defaultScale(long longerSide) {
        return (int) Math.max(1, (MIN_DISPLAY_SIZE + longerSide - 1) / longerSide);
    }

    /** True when every value lies in [0, 1]: then values are shown as they are, else each image is stretched to its range. */
    static boolean inUnitRange(INDArray images) {
        return images.minNumber().doubleValue() >= 0 && images.maxNumber().doubleValue() <= 1;
    }

    /**
     * Image {@code index} of an NCHW array, each pixel drawn as a {@code scale} x {@code scale} block.
     * Values in [0, 1] map to 0..255 when {@code unitRange}; otherwise the image's own minimum and
     * maximum map to black and white (a constant image is mid grey).
     */
    static BufferedImage toImage(INDArray images, int index, int scale, boolean unitRange) {
        int channels = (int) images.size(1);
        int height = (int) images.size(2);
        int width = (int) images.size(3);
        double[] values = images.get(NDArrayIndex.point(index)).castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double min = 0;
        double range = 1;
        if (!unitRange) {
            min = Arrays.stream(values).min().orElse(0);
            range = Arrays.stream(values).max().orElse(1) - min;
        }
        int plane = height * width;
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int pixel = y * width + x;
                int red = level(values[pixel], min, range);
                int rgb = channels == 1
                        ? red << 16 | red << 8 | red
                        : red << 16 | level(values[plane + pixel], min, range) << 8 | level(values[2 * plane + pixel], min, range);
                fillBlock(image, x * scale, y * scale, scale, rgb);
            }
        }
        return image;
    }

    private static int level(double value, double min, double range) {
        double unit = range > 0 ? (value - min) / range : 0.5;
        return (int) Math.round(255 * Math.max(0, Math.min(1, unit)));
    }

    private static void fillBlock(BufferedImage image, int left, int top, int size, int rgb) {
        for (int dy = 0; dy < size; dy++) {
            for (int dx = 0; dx < size; dx++) {
                image.setRGB(left + dx, top + dy, rgb);
            }
        }
    }
}
