package io.github.nbworkbench.data;

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
 * Standardizer standardizer = Standardizer.fitOn(split.train());
 * DataSetIterator train = split.train().batchSize(64).shuffle(42).preProcessor(standardizer).iterator();
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
        NormalizerStandardize normalizer = new NormalizerStandardize();
        normalizer.fit(new DataSet(train.features(), train.labels()));
        return new Standardizer(normalizer);
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
