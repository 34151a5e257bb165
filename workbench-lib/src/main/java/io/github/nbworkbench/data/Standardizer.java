package io.github.nbworkbench.data;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/**
 * Shifts and scales features to mean 0 and standard deviation 1, with statistics taken from the
 * training data only, then applied unchanged to validation and test data (fitting on those would
 * leak them into training). Wraps DL4J's {@link NormalizerStandardize}: statistics are per channel
 * for images {@code [N, C, H, W]} and per column for {@code [N, F]}.
 *
 * <pre>{@code
 * Standardizer standardizer = Standardizer.fitOn(split.trainSet());
 * DataSetIterator train = split.trainSet().batchSize(64).shuffle(42).preProcessor(standardizer).iterator();
 * DataSetIterator test = fashion.test().batchSize(256).preProcessor(standardizer).iterator();
 * }</pre>
 */
public final class Standardizer implements DataSetPreProcessor {

    private static final long serialVersionUID = 1L;

    private final NormalizerStandardize normalizer;

    private Standardizer(NormalizerStandardize normalizer) {
        this.normalizer = normalizer;
    }

    /** Fits mean and standard deviation on {@code train}'s features. */
    public static Standardizer fitOn(LabeledDataset train) {
        requireFinite(train.features());
        NormalizerStandardize normalizer = new NormalizerStandardize();
        normalizer.fit(new DataSet(train.features(), train.labels()));
        return new Standardizer(normalizer);
    }

    /** Names the first NaN or infinite value: its example and feature column (or channel and pixel of an image). */
    private static void requireFinite(INDArray features) {
        if (Double.isFinite(features.sumNumber().doubleValue())) {
            return;
        }
        long perExample = features.length() / features.size(0);
        float[] values = features.dup('c').reshape(features.length()).toFloatVector();
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                long example = i / perExample;
                long within = i % perExample;
                String where = features.rank() == 2 ? "feature column " + within
                        : features.rank() == 4 ? "channel " + within / (features.size(2) * features.size(3)) + ", pixel ("
                                + within % (features.size(2) * features.size(3)) / features.size(3) + ", " + within % features.size(3) + ")"
                        : "feature " + Arrays.toString(unravel(features.shape(), within));
                throw new IllegalArgumentException(where + " holds " + values[i] + " in example " + example
                        + ": Standardizer cannot take a mean and standard deviation over it. Replace or drop such values first"
                        + " (TabularData names the column and line of the file they come from).");
            }
        }
    }

    private static long[] unravel(long[] shape, long index) {
        long[] position = new long[shape.length - 1];
        for (int d = shape.length - 1; d >= 1; d--) {
            position[d - 1] = index % shape[d];
            index /= shape[d];
        }
        return position;
    }

    /** A copy of {@code data} with standardized features. */
    public LabeledDataset apply(LabeledDataset data) {
        DataSet copy = new DataSet(data.features().dup(), data.labels());
        normalizer.transform(copy);
        return data.withFeatures(copy.getFeatures());
    }

    /** Standardizes one batch in place; iterators call this. */
    @Override
    public void preProcess(org.nd4j.linalg.dataset.api.DataSet batch) {
        normalizer.preProcess(batch);
    }

    /** The fitted means (one per channel or column). */
    public INDArray mean() {
        return normalizer.getMean();
    }

    /** The fitted standard deviations (one per channel or column). */
    public INDArray std() {
        return normalizer.getStd();
    }

    /** DL4J's normalizer, e.g. to save it next to a model with {@code ModelSerializer.addNormalizerToModel}. */
    public NormalizerStandardize normalizer() {
        return normalizer;
    }
}
