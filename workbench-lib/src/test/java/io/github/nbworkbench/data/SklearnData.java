package io.github.nbworkbench.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The CSV files that Debian's python3-sklearn ships (environment/setup.sh installs it); tests skip without them. */
final class SklearnData {

    static final Path FOLDER = Path.of("/usr/lib/python3/dist-packages/sklearn/datasets/data");

    private SklearnData() {
    }

    static Path file(String name) {
        Path file = FOLDER.resolve(name);
        assumeTrue(Files.isRegularFile(file), file + " is missing: apt-get install python3-sklearn (environment/setup.sh does)");
        return file;
    }
}
