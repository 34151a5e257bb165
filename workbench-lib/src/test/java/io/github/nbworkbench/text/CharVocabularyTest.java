package io.github.nbworkbench.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CharVocabularyTest {

    @Test
    void idsFollowCodePointOrderAfterTheUnknownId() {
        CharVocabulary vocabulary = CharVocabulary.of("banana band\n");

        assertEquals(List.of("\n", " ", "a", "b", "d", "n"), vocabulary.characters());
        assertEquals(7, vocabulary.size());
        assertEquals(CharVocabulary.UNKNOWN_TEXT, vocabulary.token(Vocabulary.UNKNOWN_ID));
        assertArrayEquals(new int[] {4, 3, 6, 3}, vocabulary.encode("bana"));
        assertEquals("banana band\n", vocabulary.decode(vocabulary.encode("banana band\n")));
    }

    @Test
    void unknownCharactersBecomeTheUnknownIdAndAreListed() {
        CharVocabulary vocabulary = CharVocabulary.of("abc");

        assertArrayEquals(new int[] {1, 0, 3, 0}, vocabulary.encode("azcz"));
        assertEquals("a\uFFFDc\uFFFD", vocabulary.decode(vocabulary.encode("azcz")));
        assertEquals(List.of("z", "é"), vocabulary.unknownTokens("azcéz"));
    }

    @Test
    void minCountLeavesRareCharactersOut() {
        CharVocabulary vocabulary = CharVocabulary.of("aaabbc", 2);

        assertEquals(List.of("a", "b"), vocabulary.characters());
        assertEquals(Vocabulary.UNKNOWN_ID, vocabulary.id('c'));
    }

    @Test
    void charactersOutsideTheBasicPlaneAreOneToken() {
        CharVocabulary vocabulary = CharVocabulary.of("a\uD83D\uDE00b");

        assertEquals(4, vocabulary.size());
        assertEquals(3, vocabulary.encode("a\uD83D\uDE00b").length);
        assertEquals("\uD83D\uDE00", vocabulary.decode(vocabulary.encode("\uD83D\uDE00")));
    }

    @Test
    void writesAndReadsBackWithLineBreaksAndSpaces() throws IOException {
        CharVocabulary vocabulary = CharVocabulary.of("Hello, world!\n\tTabs and \"quotes\" é");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        vocabulary.write(out);

        Vocabulary read = Vocabulary.read(new ByteArrayInputStream(out.toByteArray()));

        assertEquals(vocabulary, read);
    }

    @Test
    void aCutShortOrForeignFileIsRefusedWithTheReason() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CharVocabulary.of("abcdef").write(out);
        byte[] whole = out.toByteArray();
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 12);

        IllegalArgumentException shortFile = assertThrows(IllegalArgumentException.class,
                () -> Vocabulary.read(new ByteArrayInputStream(cut)));
        assertTrue(shortFile.getMessage().contains("cut short") || shortFile.getMessage().contains("damaged"), shortFile.getMessage());

        IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
                () -> Vocabulary.read(new ByteArrayInputStream("PK\u0003\u0004 zip".getBytes(StandardCharsets.UTF_8))));
        assertTrue(foreign.getMessage().startsWith("Not a workbench vocabulary"), foreign.getMessage());
    }

    @Test
    void anEmptyTextHasNoVocabulary() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> CharVocabulary.of(""));
        assertTrue(error.getMessage().contains("empty text"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CharVocabulary.of("abc").decode(7));
    }
}
