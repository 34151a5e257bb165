package io.github.nbworkbench.kernel.magic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PathGlobTest {
    @TempDir
    Path dir;

    @Test
    void expandsAGlobInTheLastSegment() throws IOException {
        Files.createFile(dir.resolve("b.jar"));
        Files.createFile(dir.resolve("a.jar"));
        Files.createFile(dir.resolve("notes.txt"));
        Files.createDirectories(dir.resolve("sub"));
        Files.createFile(dir.resolve("sub/c.jar"));

        assertEquals(List.of(dir.resolve("a.jar"), dir.resolve("b.jar")), PathGlob.expand(dir + "/*.jar"));
        assertEquals(List.of(dir.resolve("a.jar"), dir.resolve("b.jar"), dir.resolve("sub/c.jar")),
                PathGlob.expand(dir + "/**.jar"));
    }

    @Test
    void aPlainPathStandsForItselfWhenItExists() throws IOException {
        Path jar = Files.createFile(dir.resolve("x.jar"));
        assertEquals(List.of(jar), PathGlob.expand(jar.toString()));
        assertEquals(List.of(), PathGlob.expand(dir.resolve("missing.jar").toString()));
        assertEquals(List.of(), PathGlob.expand(dir.resolve("missing/*.jar").toString()));
    }
}
