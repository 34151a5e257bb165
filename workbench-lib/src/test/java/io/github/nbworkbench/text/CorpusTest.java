package io.github.nbworkbench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class CorpusTest {

    @TempDir
    Path folder;

    @Test
    void readsAUtf8File() throws IOException {
        Path file = folder.resolve("poem.txt");
        Files.writeString(file, "Ça va?\nOui.", StandardCharsets.UTF_8);

        Corpus corpus = Corpus.load(file);

        assertEquals("poem.txt", corpus.name());
        assertEquals("Ça va?\nOui.", corpus.text());
        assertEquals("poem.txt (first 3 characters)", corpus.head(3).name());
        assertEquals("Ça ", corpus.head(3).text());
        assertTrue(corpus.head(1000) == corpus);
    }

    @Test
    void aMissingEmptyOrNonUtf8FileGivesAClearError() throws IOException {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Corpus.load(folder.resolve("none.txt")));
        assertTrue(missing.getMessage().startsWith("No text file at"), missing.getMessage());

        Path empty = Files.createFile(folder.resolve("empty.txt"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Corpus.load(empty)).getMessage().contains("is empty"));

        Path latin1 = folder.resolve("latin1.txt");
        Files.write(latin1, "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1));
        IllegalArgumentException notUtf8 = assertThrows(IllegalArgumentException.class, () -> Corpus.load(latin1));
        assertTrue(notUtf8.getMessage().contains("is not UTF-8 text: invalid bytes at byte offset 3"), notUtf8.getMessage());
        assertTrue(notUtf8.getMessage().contains("iconv"), notUtf8.getMessage());
    }

    @Test
    void characterCountsAreSortedByCountWithInvisibleCharactersSpelledOut() {
        Table counts = Corpus.of("t", "aab \n").characterCounts();

        assertEquals("a", counts.stringColumn("character").get(0));
        assertEquals(2, counts.intColumn("count").get(0));
        assertEquals(0.4, counts.doubleColumn("share").get(0), 1e-12);
        assertTrue(counts.stringColumn("character").asList().containsAll(java.util.List.of("space", "\\n")));
        assertEquals("U+000A", counts.where(counts.stringColumn("character").isEqualTo("\\n")).stringColumn("code_point").get(0));
    }

    @Test
    void characterEntropyIsInBitsPerCharacter() {
        assertEquals(0.0, Corpus.of("t", "aaaa").characterEntropy(), 1e-12);
        assertEquals(1.0, Corpus.of("t", "abab").characterEntropy(), 1e-12);
        assertEquals(2.0, Corpus.of("t", "abcd").characterEntropy(), 1e-12);
        assertEquals(1.5, Corpus.of("t", "aabc").characterEntropy(), 1e-12);
        assertEquals(1.0, Corpus.of("t", "\uD83D\uDE00a").characterEntropy(), 1e-12, "a surrogate pair is one character");
    }
}
