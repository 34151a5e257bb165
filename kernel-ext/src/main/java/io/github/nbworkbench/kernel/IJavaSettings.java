package io.github.nbworkbench.kernel;

import io.github.nbworkbench.kernel.magic.PathGlob;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IJava's environment settings, so a kernel set up for IJava behaves the same here:
 * {@code IJAVA_COMPILER_OPTS} (compiler options), {@code IJAVA_TIMEOUT} (milliseconds a cell may
 * run, -1 for none), {@code IJAVA_CLASSPATH} (extra jars and folders, globs allowed),
 * {@code IJAVA_STARTUP_SCRIPTS_PATH} (files of code run at start, globs allowed) and
 * {@code IJAVA_STARTUP_SCRIPT} (code run at start).
 */
record IJavaSettings(List<String> compilerOptions, Optional<Duration> timeout, List<Path> classpath,
                     List<String> startupScripts) {

    static IJavaSettings from(Map<String, String> env) {
        List<String> compilerOptions = words(env.get("IJAVA_COMPILER_OPTS"));
        Optional<Duration> timeout = timeout(env.get("IJAVA_TIMEOUT"));
        List<Path> classpath = expand(env.get("IJAVA_CLASSPATH"));
        List<String> scripts = new ArrayList<>();
        for (Path file : expand(env.get("IJAVA_STARTUP_SCRIPTS_PATH"))) {
            scripts.add(read(file));
        }
        String inline = env.get("IJAVA_STARTUP_SCRIPT");
        if (inline != null && !inline.isBlank()) {
            scripts.add(inline);
        }
        return new IJavaSettings(compilerOptions, timeout, classpath, scripts);
    }

    private static List<String> words(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
    }

    private static Optional<Duration> timeout(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            long millis = Long.parseLong(value.trim());
            return millis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("IJAVA_TIMEOUT must be a number of milliseconds (or -1 for none), not '"
                    + value + "'");
        }
    }

    private static List<Path> expand(String pathList) {
        List<Path> paths = new ArrayList<>();
        if (pathList == null) {
            return paths;
        }
        for (String pattern : pathList.split(File.pathSeparator)) {
            if (!pattern.isBlank()) {
                try {
                    paths.addAll(PathGlob.expand(pattern.trim()));
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not list " + pattern, e);
                }
            }
        }
        return paths;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the startup script " + file, e);
        }
    }
}
