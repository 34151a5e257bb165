package io.github.nbworkbench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.models.Rnns;
import io.github.nbworkbench.progress.BatchProgress;
import io.github.nbworkbench.progress.EpochEnd;
import io.github.nbworkbench.progress.TrainingProgress;
import io.github.nbworkbench.progress.TrainingStart;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Metric;
import io.github.nbworkbench.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class SampleTextTest {

    private static final String TEXT = TrainedTinyModel.TEXT;
    private static final CharVocabulary VOCABULARY = TrainedTinyModel.VOCABULARY;

    @Test
    void showsASampleWithTheProgressAfterEachChosenEpochAndKeepsThem() {
        MultiLayerNetwork network = Rnns.charLstm().hiddenSize(16).seed(3).build(VOCABULARY);
        SampleText samples = SampleText.of(VOCABULARY).prompt("hel").length(20).every(2);
        List<String> notes = new ArrayList<>();

        History history = Trainer.of(network).epochs(3).progress(recordingNotes(notes)).callbacks(samples)
                .metrics(Metric.BITS_PER_CHARACTER)
                .fit(TextSequences.of(TEXT, VOCABULARY).length(26).batchSize(32).iterator());

        Table table = samples.table();
        assertEquals(List.of(2, 3), table.intColumn("epoch").asList(), "every 2nd epoch and the last");
        assertEquals(20, table.stringColumn("text").get(0).length());
        assertEquals(2, notes.size());
        assertTrue(notes.get(0).startsWith("Sample after epoch 2 (temperature 0.5): hel"), notes.get(0));
        assertTrue(history.columnNames().contains("bpc"));
    }

    @Test
    void aPromptOutsideTheVocabularyFailsBeforeTraining() {
        MultiLayerNetwork network = Rnns.charLstm().hiddenSize(8).build(VOCABULARY);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Trainer.of(network).epochs(1).quiet()
                .callbacks(SampleText.of(VOCABULARY).prompt("The "))
                .fit(TextSequences.of(TEXT, VOCABULARY).length(26).batchSize(32).iterator()));
        assertTrue(error.getMessage().contains("[T]"), error.getMessage());
    }

    private static TrainingProgress recordingNotes(List<String> notes) {
        return new TrainingProgress() {
            @Override
            public void start(TrainingStart start) {
            }

            @Override
            public void batch(BatchProgress progress) {
            }

            @Override
            public void epoch(EpochEnd epoch) {
            }

            @Override
            public void note(String label, String text) {
                notes.add(label + ": " + text);
            }

            @Override
            public void end(String outcome) {
            }
        };
    }
}
