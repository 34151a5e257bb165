package io.github.nbworkbench.augment;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A batch of images with one row of class probabilities per image (one-hot or soft labels): the
 * working form of the {@link LabeledAugmentation}s. Labels are a float array of N rows of
 * {@link #classes()} values, row-major.
 */
public final class LabeledBatch {

    private final ImageBatch images;
    private final float[] labels;
    private final int classes;

    private LabeledBatch(ImageBatch images, float[] labels, int classes) {
        if (classes < 1 || labels.length != images.count() * classes) {
            throw new IllegalArgumentException(labels.length + " label values do not make " + images.count()
                    + " rows of " + classes + " classes");
        }
        this.images = images;
        this.labels = labels;
        this.classes = classes;
    }

    /**
     * Copies {@code labels} ([N, K], one-hot or probability rows) to go with {@code images}.
     *
     * @param neededBy what needs the labels, for the error message (e.g. "MixUp(alpha=0.2)")
     * @throws IllegalArgumentException when the labels are not one-hot or probability rows, one per image;
     *     the message names the problem and the labels' shape
     */
    public static LabeledBatch of(ImageBatch images, INDArray labels, String neededBy) {
        LabelRows.require(labels, images.count(), neededBy);
        float[] values = labels.castTo(DataType.FLOAT).dup('c').data().asFloat();
        return new LabeledBatch(images, values, (int) labels.size(1));
    }

    /** Wraps existing arrays (not copied): {@code labels} holds {@code images.count()} rows of {@code classes} values. */
    public static LabeledBatch wrap(ImageBatch images, float[] labels, int classes) {
        return new LabeledBatch(images, labels, classes);
    }

    /** The same labels with other images (of the same count). */
    public LabeledBatch withImages(ImageBatch newImages) {
        if (newImages.count() != images.count()) {
            throw new IllegalArgumentException("a step turned " + images.count() + " images into " + newImages.count());
        }
        return new LabeledBatch(newImages, labels, classes);
    }

    /** The class with the largest probability in row {@code example} (the first one on ties). */
    public int classOf(int example) {
        int start = example * classes;
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (labels[start + k] > labels[start + best]) {
                best = k;
            }
        }
        return best;
    }

    /** A new FLOAT array [N, K] with the labels. */
    public INDArray labelsToINDArray() {
        return Nd4j.create(labels, new long[] {images.count(), classes}, 'c');
    }

    public ImageBatch images() {
        return images;
    }

    /** The label values, shared with this batch: writing them changes the batch. */
    public float[] labels() {
        return labels;
    }

    public int classes() {
        return classes;
    }

    public int count() {
        return images.count();
    }
}
