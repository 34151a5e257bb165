package io.github.nbworkbench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KingJamesBibleTest {

    @Test
    void readsEveryVerseWithoutReferences() {
        Corpus bible = KingJamesBible.load();
        String[] verses = bible.text().split("\n");

        assertEquals(31_102, verses.length);
        assertEquals("In the beginning God created the heaven and the earth.", verses[0]);
        assertEquals("The grace of our Lord Jesus Christ be with you all. Amen.", verses[verses.length - 1]);
        assertTrue(bible.length() > 4_000_000, "length " + bible.length());
    }
}
