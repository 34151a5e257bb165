package io.github.nbworkbench.augment;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Checks that an array is a batch of images in [N, C, H, W] order, and says how to fix it when not. */
final class NchwShape {

    /** Channel counts an image plausibly has (gray, RGB, RGBA); a larger dimension 1 is height, not channels. */
    private static final int MAX_PLAUSIBLE_CHANNELS = 4;

    private NchwShape() {
    }

    static void require(INDArray images) {
        if (images == null) {
            throw new IllegalArgumentException("images must not be null; expected an array of shape [N, C, H, W]");
        }
        long[] shape = images.shape();
        if (shape.length != 4) {
            throw new IllegalArgumentException(expected(shape) + " (rank " + shape.length + "). " + fixForRank(shape));
        }
        if (looksChannelsLast(shape)) {
            throw new IllegalArgumentException(expected(shape) + ", which looks like channels last [N, H, W, C]. "
                    + "Fix: images.permute(0, 3, 1, 2).dup('c')");
        }
        for (long dimension : shape) {
            if (dimension <= 0) {
                throw new IllegalArgumentException(expected(shape) + ", which has an empty dimension");
            }
        }
    }

    private static String expected(long[] shape) {
        return "Expected images of shape [N, C, H, W] (channels first), but got " + Arrays.toString(shape);
    }

    private static boolean looksChannelsLast(long[] shape) {
        return shape[3] <= MAX_PLAUSIBLE_CHANNELS && shape[1] > MAX_PLAUSIBLE_CHANNELS;
    }

    private static String fixForRank(long[] shape) {
        if (shape.length == 3) {
            return String.format("One channel per image? Fix: images.reshape(%d, 1, %d, %d)", shape[0], shape[1], shape[2]);
        }
        if (shape.length == 2) {
            long pixels = shape[1];
            long graySide = squareSide(pixels);
            if (graySide > 0) {
                return String.format("Flat rows of %d gray pixels? Fix: images.reshape(%d, 1, %d, %d)",
                        pixels, shape[0], graySide, graySide);
            }
            long colorSide = pixels % 3 == 0 ? squareSide(pixels / 3) : 0;
            if (colorSide > 0) {
                return String.format("Flat rows of %d RGB values? Fix: images.reshape(%d, 3, %d, %d)",
                        pixels, shape[0], colorSide, colorSide);
            }
            return String.format("Fix: images.reshape(%d, C, H, W) with C * H * W = %d", shape[0], pixels);
        }
        return "Fix: reshape to [N, C, H, W], e.g. images.reshape(N, 1, 28, 28) for gray 28x28 images";
    }

    private static long squareSide(long pixels) {
        long side = Math.round(Math.sqrt(pixels));
        return side * side == pixels ? side : 0;
    }
}
