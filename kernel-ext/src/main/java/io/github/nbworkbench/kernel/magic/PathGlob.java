package io.github.nbworkbench.kernel.magic;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Expands a path pattern such as {@code lib/*.jar} or {@code deps/**.jar}; a plain path stands for itself. */
public final class PathGlob {
    private PathGlob() {
    }

    public static List<Path> expand(String pattern) throws IOException {
        Path path = Path.of(pattern);
        int firstGlob = 0;
        while (firstGlob < path.getNameCount() && !isGlob(path.getName(firstGlob).toString())) {
            firstGlob++;
        }
        if (firstGlob == path.getNameCount()) {
            return Files.exists(path) ? List.of(path) : List.of();
        }
        Path base = firstGlob == 0 ? rootOf(path) : rootOf(path).resolve(path.subpath(0, firstGlob));
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        String glob = path.subpath(firstGlob, path.getNameCount()).toString();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        int depth = glob.contains("**") ? Integer.MAX_VALUE : path.getNameCount() - firstGlob;
        Path absoluteBase = base.toAbsolutePath();
        try (Stream<Path> files = Files.walk(absoluteBase, depth)) {
            return files.filter(Files::isRegularFile)
                    .map(absoluteBase::relativize)
                    .filter(matcher::matches)
                    .map(base::resolve)
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static Path rootOf(Path path) {
        return path.getRoot() != null ? path.getRoot() : Path.of("");
    }

    private static boolean isGlob(String name) {
        return name.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
    }
}
