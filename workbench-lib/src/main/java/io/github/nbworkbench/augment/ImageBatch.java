package io.github.nbworkbench.augment;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A batch of images as one float array in [N, C, H, W] order (row-major): the working form of the
 * augmentations, which read and write it in tight loops instead of going through ND4J per pixel.
 */
public final class ImageBatch {

    private final float[] data;
    private final int count;
    private final int channels;
    private final int height;
    private final int width;

    private ImageBatch(float[] data, int count, int channels, int height, int width) {
        if ((long) count * channels * height * width != data.length) {
            throw new IllegalArgumentException("data holds " + data.length + " values, but [" + count + ", " + channels
                    + ", " + height + ", " + width + "] needs " + (long) count * channels * height * width);
        }
        this.data = data;
        this.count = count;
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    /**
     * Copies an array of shape [N, C, H, W] (any numeric type, any ordering) into a new batch.
     *
     * @throws IllegalArgumentException when the array is not of rank 4 in channels-first order; the
     *     message names the shape given and how to reshape or permute it
     */
    public static ImageBatch copyOf(INDArray images) {
        NchwShape.require(images);
        long[] shape = images.shape();
        INDArray contiguous = images.castTo(DataType.FLOAT);
        if (contiguous.isView() || contiguous.ordering() != 'c' || contiguous.data().length() != contiguous.length()) {
            contiguous = contiguous.dup('c');
        }
        float[] values = new float[(int) contiguous.length()];
        nativeValues(contiguous).get(values);
        return new ImageBatch(values,
                (int) shape[0], (int) shape[1], (int) shape[2], (int) shape[3]);
    }

    /** Wraps an existing array (not copied) that holds {@code count} images in [N, C, H, W] order. */
    public static ImageBatch wrap(float[] data, int count, int channels, int height, int width) {
        return new ImageBatch(data, count, channels, height, width);
    }

    /** A new batch of the same shape, filled with zeros. */
    public ImageBatch zerosLike() {
        return new ImageBatch(new float[data.length], count, channels, height, width);
    }

    /** A new FLOAT array of shape [N, C, H, W] with this batch's values. */
    public INDArray toINDArray() {
        // Nd4j.create(float[], ...) copies value by value (about 35 ns each); a bulk put is a memory copy
        INDArray images = Nd4j.createUninitialized(DataType.FLOAT, new long[] {count, channels, height, width}, 'c');
        nativeValues(images).put(data);
        return images;
    }

    /**
     * The array's values in native memory. Not through {@code data().asNioFloat()}: that starts at the
     * buffer pointer's position, which other code may have moved (DataVec's NativeImageLoader.asMat
     * leaves it at a view's offset, for the whole underlying buffer).
     */
    private static FloatPointer nativeValues(INDArray contiguous) {
        return new FloatPointer(contiguous.data().addressPointer());
    }

    /** The values, shared with this batch: writing them changes the batch. */
    public float[] data() {
        return data;
    }

    public int count() {
        return count;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Values in one channel of one image: H * W. */
    public int planeSize() {
        return height * width;
    }

    /** Values in one image: C * H * W. */
    public int imageSize() {
        return channels * height * width;
    }
}
