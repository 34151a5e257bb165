package io.github.nbworkbench.testdata;

import io.github.nbworkbench.data.DataNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CSV files (and two photos) that Debian's python3-sklearn ships ({@code ./workbench setup} installs it). Tests
 * that read them carry {@code @RequiresDataset(Dataset.SKLEARN)}.
 */
public final class SklearnData {

    static final Path FOLDER = Path.of("/usr/lib/python3/dist-packages/sklearn/datasets/data");
    /** A file every version of the package has. */
    private static final String MARKER = "iris.csv";

    private SklearnData() {
    }

    /** The file {@code name} of the folder, e.g. {@code iris.csv}. */
    public static Path file(String name) {
        return FOLDER.resolve(name);
    }

    /** The photo {@code name} the package ships beside its CSV files: {@code china.jpg} or {@code flower.jpg}. */
    public static Path image(String name) {
        return FOLDER.resolveSibling("images").resolve(name);
    }

    /** @throws DataNotFoundException when the package is not installed */
    static void locate() {
        if (!Files.isRegularFile(FOLDER.resolve(MARKER))) {
            throw new DataNotFoundException("scikit-learn's data files not found: " + FOLDER.resolve(MARKER)
                    + " does not exist.\nInstall them with: sudo apt-get install python3-sklearn");
        }
    }
}
