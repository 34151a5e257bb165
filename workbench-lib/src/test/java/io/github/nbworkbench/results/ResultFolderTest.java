package io.github.nbworkbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ResultFolderTest {

    @TempDir
    Path folder;

    private static Table table() {
        return Table.create("t", StringColumn.create("name", "a", "b"), DoubleColumn.create("value", 0.123456789, Double.NaN));
    }

    @Test
    void writesTablesAsCsvAndJsonWithNumbersInFullAndNothingElse() throws IOException {
        ResultFolder results = ResultFolder.of(folder.resolve("new"));

        Path csv = results.csv("table", table());
        Path json = results.folder("tables").json("table", table());

        assertEquals("name,value\na,0.123456789\nb,\n", Files.readString(csv));
        assertEquals(folder.resolve("new/tables/table.json"), json);
        assertTrue(Files.readString(json).contains("\"value\": null"), Files.readString(json));
        try (Stream<Path> files = Files.list(folder.resolve("new"))) {
            assertEquals(List.of("table.csv", "tables"), files.map(file -> file.getFileName().toString()).sorted().toList(),
                    "no temporary files are left behind");
        }
    }

    @Test
    void namesThatCouldLeaveTheFolderAreRefused() {
        ResultFolder results = ResultFolder.of(folder.resolve("results"));

        for (String name : List.of("../escaped", "/tmp/escaped", "a/b", "..")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> results.text(name, "x"), name);
            assertTrue(refused.getMessage().contains("not a plain name"), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> results.csv("../table", table()));
        assertThrows(IllegalArgumentException.class, () -> results.folder("../charts"));
        assertFalse(Files.exists(folder.resolve("escaped")));
        assertFalse(Files.exists(folder.resolve("results")));
    }

    @Test
    void aFileIsNotAFolder() throws IOException {
        Path file = Files.writeString(folder.resolve("notes.txt"), "keep me");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ResultFolder.of(file));

        assertTrue(refused.getMessage().contains("notes.txt is a file, not a folder"), refused.getMessage());
        assertEquals("keep me", Files.readString(file));
    }
}
