package io.github.nbworkbench.text;

import static io.github.nbworkbench.text.TrainedTinyModel.NETWORK;
import static io.github.nbworkbench.text.TrainedTinyModel.VOCABULARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageModelTest {

    @TempDir
    Path folder;

    @Test
    void savesAndLoadsTheNetworkWithItsVocabulary() throws IOException {
        Path file = folder.resolve("model.zip");
        new LanguageModel(NETWORK, VOCABULARY).save(file);

        LanguageModel loaded = LanguageModel.load(file);

        assertEquals(VOCABULARY, loaded.vocabulary());
        assertEquals(NETWORK.params(), loaded.network().params());
        assertEquals(new LanguageModel(NETWORK, VOCABULARY).generator().generate("hel", 30, Sampling.temperature(1)),
                loaded.generator().generate("hel", 30, Sampling.temperature(1)));
        assertTrue(Files.list(folder).allMatch(p -> p.getFileName().toString().equals("model.zip")), "no temporary file left");
    }

    @Test
    void aTruncatedFileIsRefusedAndTheOldModelStays() throws IOException {
        Path file = folder.resolve("model.zip");
        new LanguageModel(NETWORK, VOCABULARY).save(file);
        byte[] whole = Files.readAllBytes(file);
        Path truncated = folder.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> LanguageModel.load(truncated));
        assertTrue(error.getMessage().startsWith("Not a usable language model"), error.getMessage());
        assertEquals(VOCABULARY, LanguageModel.load(file).vocabulary());
    }

    @Test
    void aPlainDl4jModelOrAMissingFileIsNotALanguageModel() throws IOException {
        Path plain = folder.resolve("plain.zip");
        ModelSerializer.writeModel(NETWORK, plain.toFile(), false);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> LanguageModel.load(plain));
        assertTrue(error.getMessage().contains("it has no language-model.properties"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LanguageModel.load(folder.resolve("none.zip")));
    }

    @Test
    void aVocabularyThatDoesNotFitTheNetworkIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LanguageModel(NETWORK, CharVocabulary.of("ab")));
    }
}
