package io.github.nbworkbench.models;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The size of one input image: height, width and channels (1 for grayscale, 3 for RGB). */
public record ImageShape(int height, int width, int channels) {

    public ImageShape {
        if (height < 1 || width < 1 || channels < 1) {
            throw new IllegalArgumentException("image height, width and channels must be 1 or more, got " + height + "x" + width + "x" + channels);
        }
    }

    /**
     * The shape of the images in a batch of features: {@code [N, C, H, W]} (NCHW) gives
     * {@code (H, W, C)}; flat rows {@code [N, S*S]} are taken as square grayscale images
     * {@code (S, S, 1)}.
     */
    public static ImageShape of(INDArray features) {
        long[] shape = features.shape();
        if (shape.length == 4) {
            return new ImageShape((int) shape[2], (int) shape[3], (int) shape[1]);
        }
        if (shape.length == 2) {
            int side = (int) Math.round(Math.sqrt(shape[1]));
            if ((long) side * side == shape[1]) {
                return new ImageShape(side, side, 1);
            }
        }
        throw new IllegalArgumentException("cannot tell the image size from features " + Arrays.toString(shape)
                + ": give images as [N, channels, height, width], or name the size: new ImageShape(height, width, channels)");
    }

    /** The number of values in one image. */
    public long size() {
        return (long) height * width * channels;
    }

    /** DL4J's input type for images of this shape given as {@code [N, C, H, W]}. */
    public InputType inputType() {
        return InputType.convolutional(height, width, channels);
    }

    /** DL4J's input type for images of this shape given as flat rows {@code [N, C*H*W]}. */
    public InputType flatInputType() {
        return InputType.convolutionalFlat(height, width, channels);
    }

    @Override
    public String toString() {
        return height + "x" + width + "x" + channels;
    }
}
