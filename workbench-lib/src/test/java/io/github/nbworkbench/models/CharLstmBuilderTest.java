package io.github.nbworkbench.models;

import static io.github.nbworkbench.testdata.Dataset.STATE_OF_THE_UNION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.layers.FusedLstmLayer;
import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.text.CharVocabulary;
import io.github.nbworkbench.text.Corpus;
import io.github.nbworkbench.text.StateOfTheUnion;
import io.github.nbworkbench.text.TextSequences;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Metric;
import io.github.nbworkbench.train.Trainer;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

class CharLstmBuilderTest {

    @Test
    void stacksLstmsWithDropoutBetweenThemAndASoftmaxOverTheVocabulary() {
        MultiLayerConfiguration conf = Rnns.charLstm().layers(2).hiddenSize(64).dropout(0.25).truncatedBptt(20).configuration(50);

        assertEquals(3, conf.getConfs().size());
        LSTM first = (LSTM) conf.getConf(0).getLayer();
        LSTM second = (LSTM) conf.getConf(1).getLayer();
        RnnOutputLayer output = (RnnOutputLayer) conf.getConf(2).getLayer();
        assertEquals(50, first.getNIn());
        assertEquals(64, second.getNOut());
        assertEquals(null, first.getIDropout(), "no dropout on the one-hot input");
        assertTrue(second.getIDropout() != null && output.getIDropout() != null);
        assertEquals(50, output.getNOut());
        assertEquals(BackpropType.TruncatedBPTT, conf.getBackpropType());
        assertEquals(20, conf.getTbpttFwdLength());
    }

    @Test
    void truncatedBpttTrainsWindowsLongerThanItsSegments() {
        String text = "abcdefghij".repeat(300);
        CharVocabulary vocabulary = CharVocabulary.of(text);
        MultiLayerNetwork network = Rnns.charLstm().hiddenSize(16).truncatedBptt(10).learningRate(0.02).seed(2).build(vocabulary);

        History history = Trainer.of(network).epochs(10).quiet().metrics(Metric.BITS_PER_CHARACTER)
                .fit(TextSequences.of(text, vocabulary).length(50).batchSize(8).iterator());

        double first = history.doubleColumn("bpc").get(0);
        double last = history.doubleColumn("bpc").get(history.rowCount() - 1);
        assertTrue(last < 0.5 * first && last < 1.0, "bits per character " + first + " -> " + last);
    }

    @Test
    void theFusedLstmTrainsAsDl4jsWithDropoutAndTruncatedBptt() {
        String text = "the quick brown fox jumps over the lazy dog. ".repeat(20);
        CharVocabulary vocabulary = CharVocabulary.of(text);
        MultiLayerNetwork[] networks = new MultiLayerNetwork[2];
        for (int i = 0; i < 2; i++) {
            networks[i] = Rnns.charLstm().fused(i == 1).layers(2).hiddenSize(16).dropout(0.2).truncatedBptt(10).seed(5).build(vocabulary);
            Trainer.of(networks[i]).epochs(1).seed(9).quiet().fit(TextSequences.of(text, vocabulary).length(30).batchSize(8).iterator());
        }

        assertEquals(org.deeplearning4j.nn.layers.recurrent.LSTM.class, networks[0].getLayer(0).getClass(), "fused(false): DL4J's own layer");
        assertInstanceOf(FusedLstmLayer.class, networks[1].getLayer(0));
        assertInstanceOf(FusedLstmLayer.class, networks[1].getLayer(1));
        assertInstanceOf(FusedLstmLayer.class, Rnns.charLstm().build(vocabulary).getLayer(0), "fused by default");
        double difference = networks[0].params().sub(networks[1].params()).amaxNumber().doubleValue();
        assertTrue(difference < 1e-4, "parameters differ by up to " + difference);
        assertTrue(networks[0].params().sub(Rnns.charLstm().layers(2).hiddenSize(16).seed(5).build(vocabulary).params())
                .amaxNumber().doubleValue() > 1e-3, "training changed the parameters");
    }

    @RequiresDataset(STATE_OF_THE_UNION)
    @Test
    void learnsMoreThanLetterFrequenciesFromTheStateOfTheUnion() {
        Corpus corpus = StateOfTheUnion.load().since(2000).head(60_000);
        CharVocabulary vocabulary = CharVocabulary.of(corpus.text());
        TextSequences.Split split = TextSequences.of(corpus.text(), vocabulary).length(64).split(0.1, 1);
        MultiLayerNetwork network = Rnns.charLstm().hiddenSize(64).learningRate(5e-3).build(vocabulary);

        History history = Trainer.of(network).epochs(3).quiet().metrics(Metric.BITS_PER_CHARACTER)
                .validation(split.validation().batchSize(64).iterator())
                .fit(split.train().batchSize(32).shuffle(1).iterator());

        double validation = history.doubleColumn("val_bpc").get(history.rowCount() - 1);
        double letterFrequencies = entropyInBits(corpus);
        assertTrue(validation < letterFrequencies - 0.3,
                "validation bits per character " + validation + ", while letter frequencies alone give " + letterFrequencies);
    }

    /** What a model that knows only how often each character occurs scores: about 4.3 bits for English. */
    private static double entropyInBits(Corpus corpus) {
        return corpus.characterCounts().doubleColumn("share").asList().stream()
                .mapToDouble(p -> -p * Math.log(p) / Math.log(2)).sum();
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Rnns.charLstm().layers(0));
        assertThrows(IllegalArgumentException.class, () -> Rnns.charLstm().dropout(1.0));
        assertThrows(IllegalArgumentException.class, () -> Rnns.charLstm().truncatedBptt(-1));
        assertThrows(IllegalArgumentException.class, () -> Rnns.charLstm().configuration(1));
    }
}
