package io.github.nbworkbench.text;

import io.github.nbworkbench.models.Rnns;
import io.github.nbworkbench.train.Trainer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** A small char-LSTM trained once, for the tests, on a text it can learn by heart in seconds. */
final class TrainedTinyModel {

    static final String PATTERN = "hello world. ";
    static final String TEXT = PATTERN.repeat(200);
    static final CharVocabulary VOCABULARY = CharVocabulary.of(TEXT);
    static final MultiLayerNetwork NETWORK = train();

    private TrainedTinyModel() {
    }

    private static MultiLayerNetwork train() {
        MultiLayerNetwork network = Rnns.charLstm().hiddenSize(32).learningRate(0.02).seed(1).build(VOCABULARY);
        Trainer.of(network).epochs(15).quiet().seed(1)
                .fit(TextSequences.of(TEXT, VOCABULARY).length(26).batchSize(16).shuffle(1).iterator());
        return network;
    }
}
