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
 * Augmentations applied in order to the features of a batch; labels and masks stay as they are.
 * Batch number i of a pipeline with seed s is always augmented the same way: its random numbers
 * come from a generator seeded from (s, i), split once per step.
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

    private final List<ImageAugmentation> steps;
    private final long seed;
    private final AtomicLong nextBatch = new AtomicLong();

    private AugmentationPipeline(List<ImageAugmentation> steps, long seed) {
        this.steps = List.copyOf(steps);
        this.seed = seed;
    }

    /** An empty builder; the same as {@link Augment#pipeline()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Augments the next batch (numbered by this pipeline's own counter) and returns a new FLOAT
     * array; {@code images} is left as it was.
     *
     * @throws IllegalArgumentException when {@code images} is not of shape [N, C, H, W]
     */
    public INDArray apply(INDArray images) {
        return apply(images, nextBatch.getAndIncrement());
    }

    /**
     * Augments {@code images} as batch number {@code batchIndex}: the same index and seed give the
     * same result. Returns a new FLOAT array; {@code images} is left as it was.
     */
    public INDArray apply(INDArray images, long batchIndex) {
        ImageBatch batch = ImageBatch.copyOf(images);
        SplittableRandom random = new SplittableRandom(mix(seed ^ mix(batchIndex)));
        for (ImageAugmentation step : steps) {
            batch = step.apply(batch, random.split());
        }
        return batch.toINDArray();
    }

    /** A new DataSet with augmented features (batch number {@code batchIndex}) and the same labels and masks. */
    public DataSet apply(org.nd4j.linalg.dataset.api.DataSet data, long batchIndex) {
        return new DataSet(apply(data.getFeatures(), batchIndex), data.getLabels(),
                data.getFeaturesMaskArray(), data.getLabelsMaskArray());
    }

    /** Replaces the DataSet's features with augmented ones, numbered by this pipeline's own counter. */
    @Override
    public void preProcess(org.nd4j.linalg.dataset.api.DataSet data) {
        data.setFeatures(apply(data.getFeatures()));
    }

    /** Augments {@code base}'s batches in a background thread, a few batches ahead; see {@link AugmentingIterator}. */
    public AugmentingIterator wrap(DataSetIterator base) {
        return new AugmentingIterator(base, this);
    }

    public List<ImageAugmentation> steps() {
        return steps;
    }

    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "AugmentationPipeline(seed " + seed + ", " + steps + ")";
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

        private final List<ImageAugmentation> steps = new ArrayList<>();
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

        /** Any augmentation, including your own. */
        public Builder add(ImageAugmentation step) {
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
            return new AugmentationPipeline(steps, seed);
        }
    }
}
