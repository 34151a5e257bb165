package io.github.nbworkbench.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Augmentations applied in order to a batch. {@link ImageAugmentation}s change the features only;
 * {@link LabeledAugmentation}s ({@link MixUp}, {@link CutMix}, {@link ForClasses}) read or mix the
 * labels too, which must then be one-hot or probability rows. Masks stay as they are.
 * Batch number i of a pipeline with seed s is always augmented the same way: its random numbers
 * come from a generator seeded from (s, i), split once per step.
 * <pre>{@code
 * AugmentationPipeline augment = AugmentationPipeline.builder().flipHorizontal(0.5).cropWithPadding(4).rotate(10).seed(42).build();
 * DataSetIterator training = augment.wrap(trainIterator);
 * }</pre>
 *
 * <p>Two ways into training:
 * <ul>
 *   <li>{@link #wrap(DataSetIterator)}: an {@link AugmentingIterator} that augments in a background
 *       thread, a few batches ahead of training. The usual choice.</li>
 *   <li>as a {@link DataSetPreProcessor}: {@code iterator.setPreProcessor(pipeline)} augments on the
 *       thread that calls {@code next()}. It replaces the DataSet's features, so the iterator must
 *       hand out new DataSets on every call (file readers do; an iterator over a fixed list of
 *       DataSets would augment the same batch again every epoch: wrap that one instead).</li>
 * </ul>
 * Augment raw images (pixels in [0, 1]) before normalizing them: to combine both as one
 * preprocessor use {@code new CompositeDataSetPreProcessor(pipeline, normalizer)}.
 *
 * <p>Thread-safe: {@link #apply(INDArray, long)} has no state, and the batch counter that
 * {@link #apply(INDArray)} uses is atomic.
 */
public final class AugmentationPipeline implements DataSetPreProcessor {

    private static final long serialVersionUID = 1L;

    private final StepSequence steps;
    private final long seed;
    private final AtomicLong nextBatch = new AtomicLong();

    private AugmentationPipeline(List<AugmentationStep> steps, long seed) {
        this.steps = new StepSequence(steps);
        this.seed = seed;
    }

    /** An empty builder: add steps, optionally a seed, then {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Augments the next batch (numbered by this pipeline's own counter) and returns a new FLOAT
     * array; {@code images} is left as it was.
     *
     * @throws IllegalArgumentException when {@code images} is not of shape [N, C, H, W]
     * @throws IllegalStateException when a step needs labels: then apply the pipeline to DataSets
     */
    public INDArray apply(INDArray images) {
        return apply(images, nextBatch.getAndIncrement());
    }

    /**
     * Augments {@code images} as batch number {@code batchIndex}: the same index and seed give the
     * same result. Returns a new FLOAT array; {@code images} is left as it was.
     */
    public INDArray apply(INDArray images, long batchIndex) {
        List<LabeledAugmentation> labeled = steps.labeledSteps();
        if (!labeled.isEmpty()) {
            throw new IllegalStateException(labeled + " need the labels: apply this pipeline to DataSets "
                    + "(apply(dataSet, batchIndex), as a preprocessor, or through wrap(iterator))");
        }
        return steps.applyToImages(ImageBatch.copyOf(images), random(batchIndex)).toINDArray();
    }

    /**
     * A new DataSet with augmented features (batch number {@code batchIndex}) and the same masks; its
     * labels are the same array too unless a step mixes them.
     *
     * @throws IllegalArgumentException when the features are not of shape [N, C, H, W], or when a step
     *     needs labels and they are not one-hot or probability rows [N, K]
     */
    public DataSet apply(org.nd4j.linalg.dataset.api.DataSet data, long batchIndex) {
        List<LabeledAugmentation> labeled = steps.labeledSteps();
        if (labeled.isEmpty()) {
            return new DataSet(apply(data.getFeatures(), batchIndex), data.getLabels(),
                    data.getFeaturesMaskArray(), data.getLabelsMaskArray());
        }
        LabeledBatch batch = LabeledBatch.of(ImageBatch.copyOf(data.getFeatures()), data.getLabels(),
                labeled.size() == 1 ? labeled.get(0).toString() : labeled.toString());
        batch = steps.apply(batch, random(batchIndex));
        return new DataSet(batch.images().toINDArray(), batch.labelsToINDArray(),
                data.getFeaturesMaskArray(), data.getLabelsMaskArray());
    }

    /** Replaces the DataSet's features (and labels, if a step mixes them), numbered by this pipeline's own counter. */
    @Override
    public void preProcess(org.nd4j.linalg.dataset.api.DataSet data) {
        DataSet augmented = apply(data, nextBatch.getAndIncrement());
        data.setFeatures(augmented.getFeatures());
        data.setLabels(augmented.getLabels());
    }

    private SplittableRandom random(long batchIndex) {
        return new SplittableRandom(mix(seed ^ mix(batchIndex)));
    }

    /** Augments {@code base}'s batches in a background thread, a few batches ahead; see {@link AugmentingIterator}. */
    public AugmentingIterator wrap(DataSetIterator base) {
        return new AugmentingIterator(base, this);
    }

    public List<AugmentationStep> steps() {
        return steps.steps();
    }

    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "AugmentationPipeline(seed " + seed + ", " + steps.steps() + ")";
    }

    /** Stafford's variant 13 of the 64-bit finalizer of MurmurHash3: nearby inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * Collects the steps of a pipeline, in the order they run. Without {@link #seed(long)} the seed
     * is 0, so that notebooks come out the same on every run.
     */
    public static final class Builder {

        private final List<AugmentationStep> steps = new ArrayList<>();
        private int[] onlyForClasses;
        private long seed;

        private Builder() {
        }

        /** Mirrors images left to right with probability {@code p}. */
        public Builder flipHorizontal(double p) {
            return add(new RandomHorizontalFlip(p));
        }

        /** Mirrors images top to bottom with probability {@code p}. */
        public Builder flipVertical(double p) {
            return add(new RandomVerticalFlip(p));
        }

        /** Zero-pads by {@code pixels} and crops back at a random offset: a random shift. */
        public Builder cropWithPadding(int pixels) {
            return add(new RandomCropWithPadding(pixels));
        }

        public Builder cropWithPadding(int pixels, Padding mode) {
            return add(new RandomCropWithPadding(pixels, mode));
        }

        /** Rotates by up to +-{@code maxDegrees} (bilinear, zeros outside). */
        public Builder rotate(double maxDegrees) {
            return add(new RandomRotation(maxDegrees));
        }

        /** Scales by a factor in [minScale, maxScale] (bilinear, zeros outside). */
        public Builder zoom(double minScale, double maxScale) {
            return add(new RandomZoom(minScale, maxScale));
        }

        /** A combined rotation, scale, shear and shift; see {@link RandomAffine#builder()}. */
        public Builder affine(RandomAffine warp) {
            return add(warp);
        }

        /** Brightness and contrast factors in [1 - brightness, 1 + brightness] and [1 - contrast, 1 + contrast]. */
        public Builder brightnessContrast(double brightness, double contrast) {
            return add(new RandomBrightnessContrast(brightness, contrast));
        }

        /** Gaussian noise of standard deviation {@code std}, clipped to [0, 1]. */
        public Builder noise(double std) {
            return add(new GaussianNoise(std));
        }

        /** One zero square of {@code side} pixels per image. */
        public Builder cutout(int side) {
            return add(RandomErasing.cutout(side));
        }

        /**
         * MixUp of every batch with lambda ~ Beta(alpha, alpha); labels are mixed alike. Alpha 0.2 to
         * 0.4 is usual. See {@link MixUp}.
         */
        public Builder mixUp(double alpha) {
            return add(new MixUp(alpha));
        }

        /** MixUp of a batch with probability {@code p}. */
        public Builder mixUp(double alpha, double p) {
            return add(new MixUp(alpha, p));
        }

        /** CutMix of every batch with lambda ~ Beta(alpha, alpha); labels are mixed by the pasted area. See {@link CutMix}. */
        public Builder cutMix(double alpha) {
            return add(new CutMix(alpha));
        }

        /** CutMix of a batch with probability {@code p}. */
        public Builder cutMix(double alpha, double p) {
            return add(new CutMix(alpha, p));
        }

        /**
         * Runs the whole pipeline, all its steps wherever they were added, on the examples of these
         * classes only; the others pass through untouched. See {@link ForClasses}.
         */
        public Builder onlyForClasses(int... classes) {
            this.onlyForClasses = classes == null ? null : classes.clone();
            return this;
        }

        /** Any image augmentation, including your own (a lambda will do). */
        public Builder add(ImageAugmentation step) {
            return add((AugmentationStep) step);
        }

        /** Any step, including your own {@link LabeledAugmentation}s. */
        public Builder add(AugmentationStep step) {
            if (step == null) {
                throw new IllegalArgumentException("augmentation step must not be null");
            }
            steps.add(step);
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public AugmentationPipeline build() {
            if (onlyForClasses != null) {
                return new AugmentationPipeline(List.of(new ForClasses(steps, onlyForClasses)), seed);
            }
            return new AugmentationPipeline(steps, seed);
        }
    }
}
