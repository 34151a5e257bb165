package io.github.nbworkbench.data;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Examples held in memory: features, labels and, for classification, the class names. Eval and plot
 * code reads it directly (e.g. {@link #example(int)} and {@link #className(int)} for an image grid);
 * training reads it in batches through {@link #batchSize(int)}.
 *
 * <p>Features are {@code [N, ...]}: {@code [N, 1, 28, 28]} for the MNIST images (NCHW, what a
 * network with {@code InputType.convolutional(28, 28, 1)} takes), {@code [N, 784]} after
 * {@link #flat()}, {@code [N, F]} for tables. Labels are one-hot {@code [N, C]} for classification,
 * {@code [N, 1]} targets for regression (no class names).
 *
 * <p>Immutable: every operation returns a new dataset; the arrays themselves are shared and must not
 * be changed in place.
 */
public final class LabeledDataset {

    private final INDArray features;
    private final INDArray labels;
    private final List<String> classNames;
    private final int[] classIndices;

    private LabeledDataset(INDArray features, INDArray labels, List<String> classNames, int[] classIndices) {
        if (features.rank() < 2 || features.size(0) != labels.size(0) || labels.rank() != 2) {
            throw new IllegalArgumentException("features must be [N, ...] and labels [N, k] with the same N; got features "
                    + Arrays.toString(features.shape()) + " and labels " + Arrays.toString(labels.shape()));
        }
        if (features.size(0) == 0) {
            throw new IllegalArgumentException("a dataset needs 1 example or more; these features hold none "
                    + Arrays.toString(features.shape()) + " (an empty file or folder, a filter that kept nothing, or a part"
                    + " of a split too small to hold an example?)");
        }
        this.features = features;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        this.classIndices = classIndices;
    }

    /**
     * A classification dataset.
     *
     * @param classIndices the class of each example, 0-based, indexing {@code classNames}
     */
    public static LabeledDataset classification(INDArray features, int[] classIndices, List<String> classNames) {
        for (int c : classIndices) {
            if (c < 0 || c >= classNames.size()) {
                throw new IllegalArgumentException("class index " + c + " is outside 0.." + (classNames.size() - 1)
                        + " (classes " + classNames + ")");
            }
        }
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, classIndices.length, classNames.size());
        for (int i = 0; i < classIndices.length; i++) {
            oneHot.putScalar(i, classIndices[i], 1f);
        }
        return new LabeledDataset(features, oneHot, classNames, classIndices.clone());
    }

    /** A regression dataset: {@code targets} is {@code [N, k]}. */
    public static LabeledDataset regression(INDArray features, INDArray targets) {
        return new LabeledDataset(features, targets, List.of(), null);
    }

    /** The features of all examples, {@code [N, ...]}. */
    public INDArray features() {
        return features;
    }

    /** One-hot labels {@code [N, C]} (classification) or targets {@code [N, k]} (regression). */
    public INDArray labels() {
        return labels;
    }

    /** The class names, in label-column order; empty for regression. */
    public List<String> classNames() {
        return classNames;
    }

    public boolean isClassification() {
        return classIndices != null;
    }

    public int size() {
        return (int) features.size(0);
    }

    public int numClasses() {
        return classNames.size();
    }

    /** The shape of one example's features, e.g. {@code [1, 28, 28]} or {@code [784]}. */
    public long[] exampleShape() {
        return Arrays.copyOfRange(features.shape(), 1, features.rank());
    }

    /** The features of example {@code i}, shaped as {@link #exampleShape()} (a view). */
    public INDArray example(int i) {
        return features.slice(i);
    }

    /** The class of example {@code i}, 0-based. */
    public int classIndex(int i) {
        return requireClasses()[i];
    }

    /** The class name of example {@code i}. */
    public String className(int i) {
        return classNames.get(classIndex(i));
    }

    /** The class of every example, 0-based (a copy). */
    public int[] classIndices() {
        return requireClasses().clone();
    }

    /** How many examples each class has, in class order. */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int c : requireClasses()) {
            counts[c]++;
        }
        return counts;
    }

    /** The examples at {@code indices}, in that order (copies of their rows). */
    public LabeledDataset select(int... indices) {
        return new LabeledDataset(SelectedExamples.copy(features, indices), SelectedExamples.copy(labels, indices), classNames,
                classIndices == null ? null : Arrays.stream(indices).map(i -> classIndices[i]).toArray());
    }

    /**
     * The first {@code n} examples, keeping each class's share (stratified) for classification: for
     * smoke runs on a small part of the data. Examples keep their order.
     */
    public LabeledDataset limit(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, got " + n);
        }
        if (n >= size()) {
            return this;
        }
        return select(isClassification() ? IndexSplits.stratifiedFirst(classIndices, n) : range(n));
    }

    /** All examples in an order determined by {@code seed}. */
    public LabeledDataset shuffled(long seed) {
        return select(Shuffling.permutation(size(), seed));
    }

    /**
     * Holds out {@code validationFraction} of the examples for validation: stratified by class for
     * classification, at random for regression. Both parts come in a random order set by {@code seed},
     * which also shuffles the training batches (see {@link TrainingData}).
     */
    public TrainingData trainValidationSplit(double validationFraction, long seed) {
        IndexSplit split = isClassification()
                ? IndexSplits.stratified(classIndices, validationFraction, seed)
                : IndexSplits.random(size(), validationFraction, seed);
        if (split.first().length == 0 || split.second().length == 0) {
            throw new IllegalArgumentException("validation fraction " + validationFraction + " of " + size() + " examples leaves "
                    + split.first().length + " for training and " + split.second().length + " for validation; each part needs 1 or more");
        }
        return TrainingData.of(select(split.first()), select(split.second())).shuffle(seed);
    }

    /**
     * Three parts in one call: {@code validationFraction} of the examples to watch training with,
     * {@code testFraction} held back for the final score, the rest to train on; stratified by class
     * for classification, at random for regression, each part in a random order set by {@code seed}.
     *
     * <pre>{@code
     * TrainingData parts = data.trainValidationTestSplit(0.15, 0.15, 42).batchSize(32);
     * Trainer.of(net).fit(parts);
     * Predictions.of(net, parts.test());
     * }</pre>
     */
    public TrainingData trainValidationTestSplit(double validationFraction, double testFraction, long seed) {
        if (!(validationFraction > 0 && testFraction > 0 && validationFraction + testFraction < 1)) {
            throw new IllegalArgumentException("validation and test fractions must be above 0 and leave some examples for training;"
                    + " got validation " + validationFraction + " and test " + testFraction);
        }
        int validationCount = (int) Math.round(size() * validationFraction);
        int testCount = (int) Math.round(size() * testFraction);
        if (validationCount == 0 || testCount == 0 || validationCount + testCount >= size()) {
            throw new IllegalArgumentException(size() + " examples are too few for validation " + validationFraction + " and test "
                    + testFraction + ": that gives " + validationCount + " validation, " + testCount + " test and "
                    + (size() - validationCount - testCount) + " training examples; every part needs 1 or more");
        }
        TrainingData withoutTest = trainValidationSplit(testFraction, seed);
        LabeledDataset rest = withoutTest.trainSet();
        TrainingData trainAndValidation = rest.trainValidationSplit((double) validationCount / rest.size(), seed + 1);
        return TrainingData.of(trainAndValidation.trainSet(), trainAndValidation.validationSet(), withoutTest.validationSet()).shuffle(seed);
    }

    /** Each example's features as one row: {@code [N, 1, 28, 28]} becomes {@code [N, 784]}. */
    public LabeledDataset flat() {
        return withFeatures(features.reshape('c', size(), features.length() / size()));
    }

    /** Each example as an image {@code [channels, height, width]} (NCHW), e.g. flat 8x8 digits to {@code [N, 1, 8, 8]}. */
    public LabeledDataset asImages(int channels, int height, int width) {
        long perExample = features.length() / size();
        if ((long) channels * height * width != perExample) {
            throw new IllegalArgumentException("cannot shape examples of " + perExample + " values as [" + channels + ", "
                    + height + ", " + width + "] (" + (long) channels * height * width + " values)");
        }
        return withFeatures(features.reshape('c', size(), channels, height, width));
    }

    /** The same examples and labels with other features (one row per example). */
    public LabeledDataset withFeatures(INDArray newFeatures) {
        return new LabeledDataset(newFeatures, labels, classNames, classIndices);
    }

    /** All examples as one DL4J {@link DataSet} (sharing the arrays), with the class names as its labels. */
    public DataSet toDataSet() {
        DataSet dataSet = new DataSet(features, labels);
        dataSet.setLabelNames(classNames);
        return dataSet;
    }

    /** Starts an iterator over batches of {@code size} examples: {@code data.batchSize(64).shuffle(42).iterator()}. */
    public Batches batchSize(int size) {
        return new Batches(this, size);
    }

    @Override
    public String toString() {
        return "LabeledDataset[" + size() + " examples, features " + Arrays.toString(features.shape())
                + (isClassification() ? ", " + numClasses() + " classes " + classNames : ", targets " + Arrays.toString(labels.shape()))
                + "]";
    }

    private int[] requireClasses() {
        if (classIndices == null) {
            throw new IllegalStateException("this is a regression dataset: it has targets, not classes");
        }
        return classIndices;
    }

    private static int[] range(int n) {
        int[] indices = new int[n];
        Arrays.setAll(indices, i -> i);
        return indices;
    }
}
