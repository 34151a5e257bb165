package io.github.nbworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.models.Rnns;
import io.github.nbworkbench.text.CharVocabulary;
import io.github.nbworkbench.text.TextSequences;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** A char-LSTM on the GPL's text (Debian's /usr/share/common-licenses): loss and val_loss are per character, like bpc. */
class LossPerTimeStepTest {

    private static final int STEPS = 40;
    private static CharVocabulary vocabulary;
    private static DataSet trainBatch;
    private static DataSet validationBatch;

    @BeforeAll
    static void readText() throws IOException {
        String text = Files.readString(Path.of("/usr/share/common-licenses/GPL-3")).substring(0, 12_000);
        vocabulary = CharVocabulary.of(text);
        var batches = TextSequences.of(text, vocabulary).length(STEPS).batchSize(32).iterator();
        trainBatch = (DataSet) batches.next();
        validationBatch = (DataSet) batches.next();
    }

    @Test
    void lossAndValLossArePerTimeStepLikeBitsPerCharacter() {
        MultiLayerNetwork net = Rnns.charLstm().hiddenSize(32).seed(1).build(vocabulary);
        List<Double> scores = new ArrayList<>();
        Callback scoreRecorder = new Callback() {
            @Override
            public void onBatchEnd(TrainingContext context, int epoch, long batch, double loss) {
                scores.add(loss);
            }
        };

        History history = Trainer.of(net).quiet().seed(1).metrics(Metric.BITS_PER_CHARACTER).callbacks(scoreRecorder)
                .validation(new ListDataSetIterator<>(List.of(validationBatch)))
                .fit(new ListDataSetIterator<>(List.of(trainBatch)));

        assertEquals(1, scores.size());
        assertEquals(scores.get(0) / STEPS, history.value("loss", 1), 1e-9, "DL4J's score sums the 40 steps of a sequence");
        assertEquals(history.value("val_bpc", 1), history.value("val_loss", 1) / Math.log(2), 1e-4);
        assertTrue(history.value("val_loss", 1) < 6, "per character, about ln(" + vocabulary.size() + "), not 40 times that");
        assertTrue(history.lossPerTimeStep());
        assertEquals("History (loss per time step)", history.name());
    }

    @Test
    void parallelTrainingSaysItsLossIsPerTimeStepToo() {
        MultiLayerNetwork net = Rnns.charLstm().hiddenSize(32).seed(1).build(vocabulary);

        History history = Trainer.of(net).strategy(ParallelTraining.workers(2)).quiet()
                .fit(new ListDataSetIterator<>(List.of(trainBatch, validationBatch, trainBatch, validationBatch)));

        assertTrue(history.lossPerTimeStep(), history::name);
        assertTrue(history.value("loss", 1) < 6, "per character, about ln(" + vocabulary.size() + "): " + history.value("loss", 1));
    }

    @Test
    void maskedTimeStepsDoNotCount() {
        MultiLayerNetwork net = Rnns.charLstm().hiddenSize(32).seed(1).build(vocabulary);
        DataSet masked = validationBatch.copy();
        var mask = Nd4j.ones(masked.getFeatures().dataType(), masked.numExamples(), STEPS);
        mask.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(10, STEPS)).assign(0);
        masked.setLabelsMaskArray(mask);
        masked.setFeaturesMaskArray(mask.dup());

        History history = Trainer.of(net).quiet().seed(1).metrics(Metric.BITS_PER_CHARACTER).validationMetricsOnly()
                .validation(new ListDataSetIterator<>(List.of(masked)))
                .fit(new ListDataSetIterator<>(List.of(trainBatch)));

        assertEquals(history.value("val_bpc", 1), history.value("val_loss", 1) / Math.log(2), 1e-4);
    }

    @Test
    void aNetworkWithOneOutputPerExampleKeepsItsLossPerExample() {
        MultiLayerNetwork net = Fixtures.mlp();
        List<Double> scores = new ArrayList<>();
        Callback scoreRecorder = new Callback() {
            @Override
            public void onBatchEnd(TrainingContext context, int epoch, long batch, double loss) {
                scores.add(loss);
            }
        };

        History history = Trainer.of(net).quiet().callbacks(scoreRecorder).fit(Fixtures.iterator(Fixtures.blobs(32, 1), 32));

        assertEquals(scores.get(0), history.value("loss", 1), 1e-12);
        assertFalse(history.lossPerTimeStep());
    }
}
