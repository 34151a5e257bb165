package io.github.nbworkbench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordVocabularyTest {

    @Test
    void splitsWordsNumbersPunctuationAndLineBreaks() {
        assertEquals(List.of("The", "nation's", "debt", "is", "$", "1,500.25", "(", "today", ")", ".", "\n", "Thank", "you", "!"),
                WordVocabulary.tokenize("The nation's debt is $1,500.25 (today).\nThank you!"));
    }

    @Test
    void keepsTheMostFrequentTokensAndMapsTheRestToUnknown() {
        WordVocabulary vocabulary = WordVocabulary.of("the cat and the dog and the bird", 2);

        assertEquals(List.of("the", "and"), vocabulary.tokens());
        assertEquals("the <unk> and the <unk>", vocabulary.decode(vocabulary.encode("the cat and the dog")));
        assertEquals(List.of("cat", "dog"), vocabulary.unknownTokens("the cat and the dog"));
    }

    @Test
    void decodingPutsSpacesWhereTextHasThem() {
        String text = "We met (briefly), and agreed: taxes fall.\nThank you!";
        WordVocabulary vocabulary = WordVocabulary.of(text, 100);

        assertEquals(text, vocabulary.decode(vocabulary.encode(text)));
    }

    @Test
    void writesAndReadsBack() throws IOException {
        WordVocabulary vocabulary = WordVocabulary.of("one two two three three three\n", 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        vocabulary.write(out);

        assertEquals(vocabulary, Vocabulary.read(new ByteArrayInputStream(out.toByteArray())));
    }

    @Test
    void aTextWithoutWordsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> WordVocabulary.of("   ", 10));
        assertThrows(IllegalArgumentException.class, () -> WordVocabulary.of("a b", 0));
    }
}
