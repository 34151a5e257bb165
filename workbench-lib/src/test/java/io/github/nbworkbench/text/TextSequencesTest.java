package io.github.nbworkbench.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

class TextSequencesTest {

    private static final String TEXT = "the quick brown fox jumps over the lazy dog. ".repeat(40);
    private static final CharVocabulary VOCABULARY = CharVocabulary.of(TEXT);

    @Test
    void eachWindowPredictsTheNextCharacterAtEveryStep() {
        TextSequences sequences = TextSequences.of("abcdefg", CharVocabulary.of("abcdefg")).length(3);
        DataSetIterator iterator = sequences.batchSize(10).iterator();
        DataSet batch = iterator.next();

        assertEquals(2, sequences.count(), "windows abcd and defg (3 inputs + 1 target each, stride 3)");
        assertArrayEquals(new long[] {2, 8, 3}, batch.getFeatures().shape());
        assertEquals("abc", decode(batch.getFeatures(), 0));
        assertEquals("bcd", decode(batch.getLabels(), 0));
        assertEquals("def", decode(batch.getFeatures(), 1));
        assertEquals("efg", decode(batch.getLabels(), 1));
        assertFalse(iterator.hasNext());
    }

    @Test
    void aSmallerStrideOverlapsWindows() {
        TextSequences sequences = TextSequences.of("abcdefg", CharVocabulary.of("abcdefg")).length(3).stride(1);

        assertEquals(4, sequences.count());
        DataSet batch = sequences.batchSize(4).iterator().next();
        assertEquals("bcd", decode(batch.getFeatures(), 1));
    }

    @Test
    void shufflingIsSeededAndChangesEveryEpoch() {
        TextSequences sequences = TextSequences.of(TEXT, VOCABULARY).length(16);
        List<String> first = firstRows(sequences.batchSize(8).shuffle(7).iterator(), 2);
        List<String> again = firstRows(sequences.batchSize(8).shuffle(7).iterator(), 2);
        DataSetIterator iterator = sequences.batchSize(8).shuffle(7).iterator();
        while (iterator.hasNext()) {
            iterator.next();
        }
        iterator.reset();
        List<String> secondEpoch = firstRows(iterator, 1);

        assertEquals(first, again);
        assertFalse(first.equals(secondEpoch));
    }

    @Test
    void aFixedNumberOfBatchesPerEpochGoesOnWhereTheLastEpochStopped() {
        String text = "abcdefghijk";
        TextSequences sequences = TextSequences.of(text, CharVocabulary.of(text)).length(1);
        DataSetIterator iterator = sequences.batchSize(4).batchesPerEpoch(2).iterator();

        List<String> epochOne = new ArrayList<>();
        while (iterator.hasNext()) {
            epochOne.add(firstColumn(iterator.next()));
        }
        iterator.reset();
        String epochTwoFirstBatch = firstColumn(iterator.next());

        assertEquals(List.of("abcd", "efgh"), epochOne, "10 windows of 1 character; 2 batches of 4 per epoch");
        assertEquals("ijab", epochTwoFirstBatch, "on from window 8, into the next pass after window 9");
    }

    private static String firstColumn(DataSet batch) {
        StringBuilder text = new StringBuilder();
        for (int row = 0; row < batch.numExamples(); row++) {
            text.append(decode(batch.getFeatures(), row));
        }
        return text.toString();
    }

    @Test
    void theSplitKeepsValidationTextOutOfTraining() {
        int[] ids = new int[20_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i % 2;
        }
        TextSequences.Split split = TextSequences.of(ids, 2).length(50).split(0.1, 3);
        Set<Integer> trainStarts = covered(split.train());
        Set<Integer> validationStarts = covered(split.validation());

        assertTrue(trainStarts.stream().noneMatch(validationStarts::contains), "no token is in both parts");
        double share = (double) split.validation().tokens() / (split.train().tokens() + split.validation().tokens());
        assertEquals(0.1, share, 0.03);
        assertEquals(split.validation().count(), TextSequences.of(ids, 2).length(50).split(0.1, 3).validation().count());
        assertTrue(split.validation().count() > 10);
    }

    @Test
    void windowsLongerThanTheTextOrTinyTextsAreRefusedWithTheFix() {
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> TextSequences.of("short text", CharVocabulary.of("short text")).length(64));
        assertTrue(tooLong.getMessage().contains("Use a sequence length of at most 9"), tooLong.getMessage());

        IllegalArgumentException tiny = assertThrows(IllegalArgumentException.class, () -> TextSequences.of("a", CharVocabulary.of("a")));
        assertTrue(tiny.getMessage().contains("needs at least 2"), tiny.getMessage());

        IllegalArgumentException noSplit = assertThrows(IllegalArgumentException.class,
                () -> TextSequences.of("abcdefghij", CharVocabulary.of("abcdefghij")).length(8).split(0.5, 1));
        assertTrue(noSplit.getMessage().contains("too few to split"), noSplit.getMessage());

        assertThrows(IllegalArgumentException.class, () -> TextSequences.of(TEXT, VOCABULARY).split(1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> TextSequences.of(TEXT, VOCABULARY).batchSize(0));
    }

    private static Set<Integer> covered(TextSequences part) {
        Set<Integer> tokens = new HashSet<>();
        for (int start : part.starts()) {
            for (int t = start; t <= start + part.length(); t++) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    private static List<String> firstRows(DataSetIterator iterator, int rows) {
        DataSet batch = iterator.next();
        List<String> texts = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            texts.add(decode(batch.getFeatures(), row));
        }
        return texts;
    }

    /** The characters of one row of a one-hot [batch, vocabulary, time] array. */
    static String decode(INDArray oneHot, int row) {
        CharVocabulary vocabulary = oneHot.size(1) == VOCABULARY.size() ? VOCABULARY
                : CharVocabulary.of(oneHot.size(1) == 8 ? "abcdefg" : "abcdefghijk");
        int[] ids = new int[(int) oneHot.size(2)];
        for (int t = 0; t < ids.length; t++) {
            ids[t] = oneHot.get(org.nd4j.linalg.indexing.NDArrayIndex.point(row), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(t)).argMax().getInt(0);
        }
        return vocabulary.decode(ids);
    }
}
