package io.github.nbworkbench.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fashion-MNIST: 28x28 grayscale images of clothing in 10 classes, 60,000 for training and 10,000 for
 * testing, read from the IDX files of Debian's {@code dataset-fashion-mnist} package
 * ({@value #DEBIAN_FOLDER}). Features are {@code [N, 1, 28, 28]} floats in [0, 1].
 *
 * <pre>{@code
 * FashionMnist fashion = FashionMnist.load();
 * TrainingData data = fashion.train().trainValidationSplit(0.1, 42).batchSize(64);
 * History history = Trainer.of(net).fit(data);
 * }</pre>
 *
 * Each part is read on first use and then kept.
 */
public final class FashionMnist {

    /** Where Debian's {@code dataset-fashion-mnist} installs the files. */
    public static final String DEBIAN_FOLDER = "/usr/share/datasets/fashion-mnist";

    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final String TRAIN = "train";
    private static final String TEST = "t10k";
    private static final List<String> FILES = List.of(images(TRAIN), labels(TRAIN), images(TEST), labels(TEST));
    private static final String INSTALL = "sudo apt-get install dataset-fashion-mnist (or run environment/setup.sh, which installs it)";

    private final Path folder;
    private LabeledDataset train;
    private LabeledDataset test;

    private FashionMnist(Path folder) {
        this.folder = folder;
    }

    /**
     * Finds the files: in {@code $WORKBENCH_DATA/fashion-mnist} if that variable is set, else in
     * {@value #DEBIAN_FOLDER}.
     *
     * @throws DataNotFoundException naming the places searched and the install command
     */
    public static FashionMnist load() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv(DataLocations.DATA_ENV);
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env, "fashion-mnist"));
        }
        candidates.add(Path.of(DEBIAN_FOLDER));
        return new FashionMnist(DataLocations.firstContaining(candidates, FILES).orElseThrow(() -> new DataNotFoundException(
                "Fashion-MNIST not found: no folder of " + candidates + " holds " + String.join(", ", FILES)
                        + ".\nInstall it with: " + INSTALL)));
    }

    /**
     * Reads the files from {@code folder}, which holds {@code train-images-idx3-ubyte.gz},
     * {@code train-labels-idx1-ubyte.gz}, {@code t10k-images-idx3-ubyte.gz} and
     * {@code t10k-labels-idx1-ubyte.gz} (gzipped or not; the names then lack {@code .gz}).
     */
    public static FashionMnist load(Path folder) {
        for (String file : FILES) {
            if (!Files.isRegularFile(folder.resolve(file)) && !Files.isRegularFile(folder.resolve(gunzippedName(file)))) {
                throw new DataNotFoundException("Fashion-MNIST file " + folder.resolve(file) + " not found (nor without .gz)."
                        + "\nInstall the data set with: " + INSTALL + "; it puts the files into " + DEBIAN_FOLDER);
            }
        }
        return new FashionMnist(folder);
    }

    /** The 60,000 training images, in the files' order. */
    public synchronized LabeledDataset train() {
        if (train == null) {
            train = read(TRAIN);
        }
        return train;
    }

    /** The 10,000 test images, in the files' order. */
    public synchronized LabeledDataset test() {
        if (test == null) {
            test = read(TEST);
        }
        return test;
    }

    /** The folder the files come from. */
    public Path folder() {
        return folder;
    }

    private LabeledDataset read(String part) {
        IdxData images = IdxReader.read(existing(images(part)));
        IdxData labels = IdxReader.read(existing(labels(part)));
        return IdxImages.toDataset(images, labels, CLASS_NAMES);
    }

    private Path existing(String file) {
        Path gz = folder.resolve(file);
        return Files.isRegularFile(gz) ? gz : folder.resolve(gunzippedName(file));
    }

    private static String gunzippedName(String file) {
        return file.substring(0, file.length() - ".gz".length());
    }

    private static String images(String part) {
        return part + "-images-idx3-ubyte.gz";
    }

    private static String labels(String part) {
        return part + "-labels-idx1-ubyte.gz";
    }
}
