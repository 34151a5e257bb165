package io.github.nbworkbench.text;

import static io.github.nbworkbench.text.TrainedTinyModel.NETWORK;
import static io.github.nbworkbench.text.TrainedTinyModel.VOCABULARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.models.Rnns;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TextGeneratorTest {

    private final TextGenerator generator = TextGenerator.of(NETWORK, VOCABULARY);

    @Test
    void greedyAndBeamSearchContinueALearntPattern() {
        assertEquals(" world. hello world. hello", generator.generate("hello", 26, Sampling.greedy()));
        assertEquals(" world. hello world. hello", generator.beamSearch("hello", 26, 3));
    }

    @Test
    void theSameSeedGivesTheSameTextAndTheStateIsClearedBetweenCalls() {
        String first = generator.seed(5).generate("wor", 40, Sampling.temperature(1.5));
        String again = generator.seed(5).generate("wor", 40, Sampling.temperature(1.5));

        assertEquals(first, again);
        assertEquals(40, first.length());
        assertFalse(first.contains(CharVocabulary.UNKNOWN_TEXT), "the unknown token is never generated");
    }

    @Test
    void theSameNetworkWithFusedLstmLayersGeneratesTheSameText() {
        MultiLayerNetwork fused = Rnns.charLstm().fused(true).hiddenSize(32).build(VOCABULARY);
        fused.setParams(NETWORK.params().dup());
        TextGenerator fusedGenerator = TextGenerator.of(fused, VOCABULARY);

        assertEquals(generator.generate("hello", 26, Sampling.greedy()), fusedGenerator.generate("hello", 26, Sampling.greedy()));
        assertEquals(generator.seed(5).generate("wor", 40, Sampling.temperature(1.5)),
                fusedGenerator.seed(5).generate("wor", 40, Sampling.temperature(1.5)));
    }

    @Test
    void theModelIsSureOfWhatItLearntAndUnsureOfNoise() {
        double learnt = generator.bitsPerToken("hello", VOCABULARY.encode(" world. hello"));
        double noise = generator.bitsPerToken("hello", VOCABULARY.encode("dlrow olleh w"));

        assertTrue(learnt < 0.2, "bits per character on the pattern: " + learnt);
        assertTrue(noise > 3, "bits per character on noise: " + noise);
    }

    @Test
    void compareGivesOneRowPerStrategy() {
        Table table = generator.compare("hello", 52, Sampling.greedy(), Sampling.temperature(2.0));

        assertEquals(2, table.rowCount());
        assertEquals("greedy", table.stringColumn("strategy").get(0));
        assertTrue(table.doubleColumn("bits_per_token").get(0) < table.doubleColumn("bits_per_token").get(1));
        assertEquals(0.0, table.doubleColumn("distinct_words").get(0), "greedy repeats hello and world");
    }

    @Test
    void aPromptWithUnknownCharactersIsRefusedOrFedAsUnknownWhenAllowed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> generator.generate("Héllo", 5, Sampling.greedy()));
        assertTrue(error.getMessage().contains("'H' (U+0048), 'é' (U+00E9)"), error.getMessage());
        assertTrue(error.getMessage().contains("allowUnknownTokens()"), error.getMessage());

        assertEquals(5, TextGenerator.of(NETWORK, VOCABULARY).allowUnknownTokens().generate("Héllo", 5, Sampling.greedy()).length());
        assertThrows(IllegalArgumentException.class, () -> generator.generate("", 5, Sampling.greedy()));
        assertThrows(IllegalArgumentException.class, () -> generator.generate("hello", 0, Sampling.greedy()));
    }

    @Test
    void aNetworkForAnotherVocabularyIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TextGenerator.of(Rnns.charLstm().hiddenSize(4).build(VOCABULARY.size() + 3), VOCABULARY));
        assertTrue(error.getMessage().contains("the vocabulary has " + VOCABULARY.size() + " ids"), error.getMessage());
    }
}
