package io.github.nbworkbench.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void writesTheContentWithTheFolderUsualPermissions() throws IOException {
        Path file = folder.resolve("report.csv");
        Path ordinary = Files.createFile(folder.resolve("ordinary.txt"));

        AtomicFiles.write(file, out -> out.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));

        assertEquals("a,b\n1,2\n", Files.readString(file));
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(file),
                "readable by whoever may read the folder's other new files, not owner-only");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryOne() throws IOException {
        Path file = Files.writeString(folder.resolve("report.csv"), "old");

        assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));

        assertEquals("old", Files.readString(file));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList());
        }
    }
}
