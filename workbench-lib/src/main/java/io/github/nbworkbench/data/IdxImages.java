package io.github.nbworkbench.data;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;

/** Turns a pair of IDX files (images {@code [N, H, W]}, labels {@code [N]}) into a {@link LabeledDataset}. */
final class IdxImages {

    private IdxImages() {
    }

    /** Images become {@code [N, 1, H, W]} floats in [0, 1] (pixel / 255); labels index {@code classNames}. */
    static LabeledDataset toDataset(IdxData images, IdxData labels, List<String> classNames) {
        int[] dims = images.dimensions();
        if (dims.length != 3 || labels.dimensions().length != 1 || labels.count() != images.count()) {
            throw new IllegalArgumentException("expected images [N, height, width] and labels [N]; got images "
                    + Arrays.toString(dims) + " and labels " + Arrays.toString(labels.dimensions()));
        }
        float[] pixels = new float[images.values().length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = images.unsignedAt(i) / 255f;
        }
        int[] classes = new int[labels.count()];
        Arrays.setAll(classes, labels::unsignedAt);
        return LabeledDataset.classification(Nd4j.create(pixels, new long[] {dims[0], 1, dims[1], dims[2]}, 'c'),
                classes, classNames);
    }
}
