package io.github.nbworkbench.models;

import static io.github.nbworkbench.testdata.Dataset.STATE_OF_THE_UNION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.text.CharVocabulary;
import io.github.nbworkbench.text.Corpus;
import io.github.nbworkbench.text.LanguageModel;
import io.github.nbworkbench.text.StateOfTheUnion;
import io.github.nbworkbench.text.TextSequences;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Metric;
import io.github.nbworkbench.train.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class CharTransformerBuilderTest {

    private static final String TEXT = "the quick brown fox jumps over the lazy dog. ";

    /** Measured with the defaults (64 channels, 4 heads, 2 blocks; 123,402 parameters), 3 epochs on 54,000 characters: 3.12 bits against 4.40. */
    @RequiresDataset(STATE_OF_THE_UNION)
    @Test
    void learnsMoreThanLetterFrequenciesFromTheStateOfTheUnion() {
        Corpus corpus = StateOfTheUnion.load().since(2000).head(25_000);
        CharVocabulary vocabulary = CharVocabulary.of(corpus.text());
        TextSequences.Split split = TextSequences.of(corpus.text(), vocabulary).length(64).split(0.1, 1);
        MultiLayerNetwork network = Transformers.charTransformer().modelSize(32).heads(2).blocks(1).learningRate(5e-3).build(vocabulary);

        History history = Trainer.of(network).epochs(2).quiet().metrics(Metric.BITS_PER_CHARACTER).validationMetricsOnly()
                .validation(split.validation().batchSize(64).iterator())
                .fit(split.train().batchSize(32).shuffle(1).iterator());

        double validation = history.doubleColumn(History.validation("bpc")).get(history.rowCount() - 1);
        double letterFrequencies = entropyInBits(corpus);
        System.out.printf("char Transformer, %,d parameters, 2 epochs on 22,500 characters (%.0f sequences/s): validation %.3f bits per character,"
                + " letter frequencies alone %.3f%n", network.numParams(), history.doubleColumn(History.SAMPLES_PER_SECOND).mean(), validation, letterFrequencies);
        assertTrue(validation < letterFrequencies - 0.3,
                "validation bits per character " + validation + ", while letter frequencies alone give " + letterFrequencies);
    }

    @Test
    void aPredictionDependsOnlyOnTheCharactersBeforeIt() {
        CharVocabulary vocabulary = CharVocabulary.of(TEXT);
        MultiLayerNetwork network = Transformers.charTransformer().modelSize(32).heads(2).build(vocabulary);
        int changed = 20;

        int[] changedIds = vocabulary.encode(TEXT);
        changedIds[changed] = (changedIds[changed] + 1) % vocabulary.size();
        INDArray before = network.output(oneHot(vocabulary.encode(TEXT), vocabulary.size()));
        INDArray after = network.output(oneHot(changedIds, vocabulary.size()));

        assertEquals(prefix(before, changed), prefix(after, changed), "a prediction before position " + changed + " saw it");
        assertTrue(maxDifferenceAt(before, after, changed) > 1e-4, "the changed character made no difference where it is seen");
        assertTrue(maxDifferenceAt(before, after, TEXT.length() - 1) > 1e-4, "attention does not reach back to position " + changed);
    }

    /** Why {@link CausalSelfAttention} exists: DL4J M2.1's SelfAttentionLayer lets every position see the future. */
    @Test
    void dl4jsOwnSelfAttentionLayerSeesTheFuture() {
        CharVocabulary vocabulary = CharVocabulary.of(TEXT);
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new Convolution1DLayer.Builder().kernelSize(2).nOut(16).convolutionMode(ConvolutionMode.Causal).rnnDataFormat(RNNFormat.NCW).build())
                .layer(new SelfAttentionLayer.Builder().nOut(16).nHeads(2).projectInput(true).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(vocabulary.size()).build())
                .setInputType(InputType.recurrent(vocabulary.size())).build());
        network.init();
        int changed = 20;

        int[] changedIds = vocabulary.encode(TEXT);
        changedIds[changed] = (changedIds[changed] + 1) % vocabulary.size();
        INDArray before = network.output(oneHot(vocabulary.encode(TEXT), vocabulary.size()));
        INDArray after = network.output(oneHot(changedIds, vocabulary.size()));

        assertTrue(maxDifferenceAt(before, after, 0) > 1e-6, "the first prediction did not see the change at position " + changed);
    }

    @Test
    void hasTheParametersOfItsLayersAndSurvivesSavingAsALanguageModel(@TempDir Path folder) {
        CharVocabulary vocabulary = CharVocabulary.of(TEXT);
        int v = vocabulary.size();
        int d = 32;
        MultiLayerNetwork network = Transformers.charTransformer().modelSize(d).heads(4).blocks(2).context(3).build(vocabulary);

        long embedding = (long) v * 3 * d + d;
        long block = 12L * d * d + 10L * d;
        long output = (long) d * v + v;
        assertEquals(embedding + 2 * block + output, network.numParams());

        Path file = folder.resolve("transformer.zip");
        new LanguageModel(network, vocabulary).save(file);
        INDArray input = oneHot(vocabulary.encode(TEXT), v);
        assertEquals(network.output(input), LanguageModel.load(file).network().output(input));
    }

    @Test
    void theFirstTrainingStepPrintsNothing() {
        CharVocabulary vocabulary = CharVocabulary.of(TEXT);
        MultiLayerNetwork network = Transformers.charTransformer().modelSize(16).heads(2).build(vocabulary);
        INDArray features = oneHot(vocabulary.encode(TEXT.substring(0, TEXT.length() - 1)), vocabulary.size());
        INDArray labels = oneHot(vocabulary.encode(TEXT.substring(1)), vocabulary.size());
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true));
        try {
            network.fit(features, labels);
        } finally {
            System.setOut(out);
        }

        assertEquals("", printed.toString(), "SameDiff's 'Added differentiated op' lines reach the notebook");
        assertTrue(Double.isFinite(network.score()), "the step ran: " + network.score());
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Transformers.charTransformer().modelSize(30).heads(4).configuration(40));
        assertThrows(IllegalArgumentException.class, () -> Transformers.charTransformer().blocks(0));
        assertThrows(IllegalArgumentException.class, () -> Transformers.charTransformer().context(0));
        assertThrows(IllegalArgumentException.class, () -> Transformers.charTransformer().configuration(1));
    }

    private static INDArray oneHot(int[] ids, int vocabularySize) {
        INDArray input = Nd4j.zeros(1, vocabularySize, ids.length);
        for (int t = 0; t < ids.length; t++) {
            input.putScalar(new long[] {0, ids[t], t}, 1);
        }
        return input;
    }

    private static INDArray prefix(INDArray output, int steps) {
        return output.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, steps));
    }

    private static double maxDifferenceAt(INDArray a, INDArray b, int step) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(step))
                .sub(b.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(step))).amaxNumber().doubleValue();
    }

    private static double entropyInBits(Corpus corpus) {
        return corpus.characterCounts().doubleColumn("share").asList().stream()
                .mapToDouble(p -> -p * Math.log(p) / Math.log(2)).sum();
    }
}
