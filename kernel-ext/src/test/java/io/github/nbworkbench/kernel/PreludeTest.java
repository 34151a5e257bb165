package io.github.nbworkbench.kernel;

import io.github.nbworkbench.kernel.execution.CellEvaluator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The prelude that {@code %workbench} runs: after it, every public class of the packages it imports
 * with a wildcard is known by its simple name, and no simple name is ambiguous (two wildcard
 * packages with a class of the same name make every cell that uses the name fail).
 */
class PreludeTest {
    private static final Pattern WILDCARD = Pattern.compile("^import ([\\w.]+)\\.\\*;$", Pattern.MULTILINE);
    private static final Pattern SINGLE_TYPE = Pattern.compile("^import ([\\w.]+)\\.(\\w+);$", Pattern.MULTILINE);

    private static CellEvaluator evaluator;
    private static String prelude;

    @BeforeAll
    static void runThePrelude() throws IOException {
        try (InputStream in = PreludeTest.class.getResourceAsStream("/io/github/nbworkbench/kernel/prelude.jsh")) {
            assertNotNull(in, "prelude.jsh is on the kernel's classpath");
            prelude = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        evaluator = new CellEvaluator(System.err);
        WorkbenchKernelBuilder.STARTUP_IMPORTS.forEach(evaluator::eval);
        evaluator.eval(prelude);
    }

    @AfterAll
    static void stopJShell() {
        evaluator.close();
    }

    @Test
    void everyPublicClassOfAWildcardPackageIsKnownByItsSimpleNameAndNoneIsAmbiguous() {
        Map<String, String> singleTypes = new TreeMap<>();
        Matcher single = SINGLE_TYPE.matcher(prelude);
        while (single.find()) {
            singleTypes.put(single.group(2), single.group(1) + "." + single.group(2));
        }
        Map<String, String> expected = new TreeMap<>(singleTypes);
        Matcher wildcard = WILDCARD.matcher(prelude);
        int packages = 0;
        while (wildcard.find()) {
            packages++;
            List<String> classes = publicClassesIn(wildcard.group(1));
            assertFalse(classes.isEmpty(), "the prelude imports " + wildcard.group(1) + ".*, which has no public class");
            for (String className : classes) {
                expected.putIfAbsent(className.substring(className.lastIndexOf('.') + 1), className);
            }
        }
        assertTrue(packages >= 20, "the prelude's wildcard packages were found: " + packages);

        List<String> names = new ArrayList<>(expected.keySet());
        Object resolved = evaluator.eval("new String[] {"
                + String.join(", ", names.stream().map(name -> name + ".class.getName()").toList()) + "}");

        assertEquals(new ArrayList<>(expected.values()), List.of((String[]) resolved));
    }

    @Test
    void theProfileHelperIsImported() {
        assertEquals(io.github.nbworkbench.runtime.Profile.current().choose(8, 3, 1), evaluator.eval("profile(8, 3, 1)"));
    }

    /** The public top-level classes of a package, from the JDK's modules or from the jars and folders of the classpath. */
    private static List<String> publicClassesIn(String packageName) {
        List<String> simpleNames = new ArrayList<>();
        String folder = packageName.replace('.', '/');
        try {
            FileSystem jdk = FileSystems.getFileSystem(URI.create("jrt:/"));
            Path modules = jdk.getPath("/packages", packageName);
            if (Files.isDirectory(modules)) {
                try (Stream<Path> links = Files.list(modules)) {
                    for (Path module : links.toList()) {
                        try (Stream<Path> files = Files.list(jdk.getPath("/modules", module.getFileName().toString(), folder))) {
                            files.map(file -> file.getFileName().toString()).forEach(simpleNames::add);
                        }
                    }
                }
            }
            for (URL url : Collections.list(PreludeTest.class.getClassLoader().getResources(folder))) {
                if (url.getProtocol().equals("jar")) {
                    try (JarFile jar = new JarFile(((JarURLConnection) url.openConnection()).getJarFileURL().getPath())) {
                        jar.stream().map(entry -> entry.getName())
                                .filter(name -> name.startsWith(folder + "/") && name.indexOf('/', folder.length() + 1) < 0)
                                .map(name -> name.substring(folder.length() + 1))
                                .forEach(simpleNames::add);
                    }
                } else if (url.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.map(file -> file.getFileName().toString()).forEach(simpleNames::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        TreeSet<String> classes = new TreeSet<>();
        for (String file : simpleNames) {
            if (file.endsWith(".class") && !file.contains("$") && !file.contains("-")) {
                String className = packageName + "." + file.substring(0, file.length() - ".class".length());
                if (isPublic(className)) {
                    classes.add(className);
                }
            }
        }
        return new ArrayList<>(classes);
    }

    private static boolean isPublic(String className) {
        try {
            return Modifier.isPublic(Class.forName(className, false, PreludeTest.class.getClassLoader()).getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            return true; // javac still sees it, so it can still clash
        }
    }
}
