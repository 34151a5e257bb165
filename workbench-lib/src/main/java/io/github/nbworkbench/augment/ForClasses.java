package io.github.nbworkbench.augment;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Runs steps on the examples of chosen classes only, e.g. to augment rare classes harder; the
 * other examples pass through untouched. An example's class is the largest entry of its label row.
 * The chosen examples are augmented together as one smaller batch, so a {@link MixUp} inside mixes
 * them only among themselves.
 *
 * <pre>{@code
 * AugmentationPipeline.builder().flipHorizontal(0.5).add(ForClasses.of(new RandomRotation(30), 2, 5)).build()
 * }</pre>
 */
public final class ForClasses implements LabeledAugmentation {

    private final int[] classes;
    private final StepSequence steps;

    public ForClasses(List<? extends AugmentationStep> steps, int... classes) {
        if (steps == null || steps.isEmpty() || steps.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("give at least one step, and no null steps, to run for classes "
                    + Arrays.toString(classes));
        }
        this.classes = requireClasses(classes);
        this.steps = new StepSequence(steps);
    }

    /** {@code step} for the examples of {@code classes} only. */
    public static ForClasses of(AugmentationStep step, int... classes) {
        return new ForClasses(Arrays.asList(step), classes);
    }

    private static int[] requireClasses(int[] classes) {
        if (classes == null || classes.length == 0) {
            throw new IllegalArgumentException("name at least one class to augment");
        }
        for (int k : classes) {
            if (k < 0) {
                throw new IllegalArgumentException("class numbers start at 0, got " + Arrays.toString(classes));
            }
        }
        return Arrays.stream(classes).distinct().sorted().toArray();
    }

    @Override
    public LabeledBatch apply(LabeledBatch batch, RandomGenerator random) {
        if (classes[classes.length - 1] >= batch.classes()) {
            throw new IllegalArgumentException("classes " + Arrays.toString(classes) + " to augment, but the labels have only "
                    + batch.classes() + " classes (0.." + (batch.classes() - 1) + ")");
        }
        int[] chosen = chosenExamples(batch);
        if (chosen.length == 0) {
            return batch;
        }
        LabeledBatch augmented = steps.apply(gather(batch, chosen), new SplittableRandom(random.nextLong()));
        scatter(augmented, batch, chosen);
        return batch;
    }

    private int[] chosenExamples(LabeledBatch batch) {
        int[] chosen = new int[batch.count()];
        int found = 0;
        for (int example = 0; example < batch.count(); example++) {
            if (Arrays.binarySearch(classes, batch.classOf(example)) >= 0) {
                chosen[found++] = example;
            }
        }
        return Arrays.copyOf(chosen, found);
    }

    private static LabeledBatch gather(LabeledBatch batch, int[] chosen) {
        ImageBatch all = batch.images();
        int size = all.imageSize();
        int classes = batch.classes();
        float[] images = new float[chosen.length * size];
        float[] labels = new float[chosen.length * classes];
        for (int i = 0; i < chosen.length; i++) {
            System.arraycopy(all.data(), chosen[i] * size, images, i * size, size);
            System.arraycopy(batch.labels(), chosen[i] * classes, labels, i * classes, classes);
        }
        ImageBatch subset = ImageBatch.wrap(images, chosen.length, all.channels(), all.height(), all.width());
        return LabeledBatch.wrap(subset, labels, classes);
    }

    private static void scatter(LabeledBatch subset, LabeledBatch batch, int[] chosen) {
        int size = batch.images().imageSize();
        int classes = batch.classes();
        if (subset.images().imageSize() != size || subset.classes() != classes) {
            throw new IllegalStateException("the steps for classes changed the shape of the images or labels");
        }
        for (int i = 0; i < chosen.length; i++) {
            System.arraycopy(subset.images().data(), i * size, batch.images().data(), chosen[i] * size, size);
            System.arraycopy(subset.labels(), i * classes, batch.labels(), chosen[i] * classes, classes);
        }
    }

    @Override
    public String toString() {
        return "ForClasses(" + Arrays.toString(classes) + ", " + steps.steps() + ")";
    }
}
