package io.github.nbworkbench.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class MixUpTest {

    private static final int N = 8;
    private static final int SIDE = 5;

    @Test
    void imagesAndLabelsAreMixedWithOneLambdaAndPartnersFromAPermutation() {
        DataSet batch = LabeledTestBatches.constantImages(N, 3, SIDE, N);
        DataSet mixed = AugmentationPipeline.builder().mixUp(0.4).seed(11).build().apply(batch, 0);
        float[][] labels = mixed.getLabels().toFloatMatrix();
        float lambda = labels[0][0];
        assertTrue(lambda > 0 && lambda < 1, "lambda " + lambda);
        int selfPartners = 0;
        for (int i = 0; i < N; i++) {
            float rowSum = 0;
            int partner = i;
            for (int k = 0; k < N; k++) {
                rowSum += labels[i][k];
                if (k != i && labels[i][k] > 0) {
                    partner = k;
                }
            }
            assertEquals(1f, rowSum, 1e-6f, "row " + i);
            if (partner == i) {
                selfPartners++;
                assertEquals(1f, labels[i][i], 1e-6f);
            } else {
                assertEquals(lambda, labels[i][i], 0f, "the same lambda in every row");
                assertEquals(1 - lambda, labels[i][partner], 1e-7f);
            }
            float expected = lambda * (i + 1) + (1 - lambda) * (partner + 1);
            INDArray image = mixed.getFeatures().slice(i);
            assertEquals(expected, image.minNumber().floatValue(), 1e-5f, "image " + i);
            assertEquals(expected, image.maxNumber().floatValue(), 1e-5f, "image " + i);
        }
        assertTrue(selfPartners < N);
        INDArray columnSums = mixed.getLabels().sum(0);
        assertEquals(Nd4j.ones(DataType.FLOAT, N), columnSums.castTo(DataType.FLOAT), "each example is a partner exactly once");
    }

    @Test
    void theSameSeedAndBatchNumberGiveTheSameMix() {
        DataSet batch = LabeledTestBatches.countingImages(16, 1, 6, 4);
        DataSet first = AugmentationPipeline.builder().flipHorizontal(0.5).mixUp(0.2).seed(3).build().apply(batch, 5);
        DataSet again = AugmentationPipeline.builder().flipHorizontal(0.5).mixUp(0.2).seed(3).build().apply(batch, 5);
        DataSet next = AugmentationPipeline.builder().flipHorizontal(0.5).mixUp(0.2).seed(3).build().apply(batch, 6);
        assertEquals(first.getFeatures(), again.getFeatures());
        assertEquals(first.getLabels(), again.getLabels());
        assertNotEquals(first.getLabels(), next.getLabels());
        assertEquals(LabeledTestBatches.oneHot(16, 4), batch.getLabels(), "the input is left as it was");
    }

    @Test
    void withProbabilityZeroNothingIsMixed() {
        DataSet batch = LabeledTestBatches.countingImages(4, 1, 3, 4);
        DataSet same = AugmentationPipeline.builder().mixUp(1, 0).build().apply(batch, 0);
        assertEquals(batch.getFeatures(), same.getFeatures());
        assertEquals(batch.getLabels(), same.getLabels());
    }

    @Test
    void asAPreProcessorItReplacesFeaturesAndLabels() {
        DataSet batch = LabeledTestBatches.constantImages(N, 1, SIDE, N);
        INDArray oneHot = batch.getLabels();
        AugmentationPipeline.builder().mixUp(1).seed(2).build().preProcess(batch);
        assertNotEquals(oneHot, batch.getLabels());
        assertEquals(Nd4j.ones(DataType.FLOAT, N), batch.getLabels().sum(1).castTo(DataType.FLOAT));
    }

    @Test
    void labelsThatAreNotClassProbabilitiesAreRefusedWithTheirShape() {
        AugmentationPipeline mixUp = AugmentationPipeline.builder().mixUp(0.2).build();
        INDArray images = Nd4j.rand(DataType.FLOAT, 4, 1, 5, 5);
        String indices = messageOf(mixUp, new DataSet(images, Nd4j.create(new float[] {0, 3, 1, 2}, 4, 1)));
        assertTrue(indices.contains("MixUp") && indices.contains("[4, 1]") && indices.contains("class indices")
                && indices.contains("FeatureUtil.toOutcomeMatrix"), indices);
        String regression = messageOf(mixUp, new DataSet(images, Nd4j.create(new float[] {0.5f, 3.2f, 1, 2}, 4, 1)));
        assertTrue(regression.contains("[4, 1]") && regression.contains("regression target"), regression);
        INDArray multiLabel = Nd4j.create(new float[][] {{1, 1, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}});
        String sums = messageOf(mixUp, new DataSet(images, multiLabel));
        assertTrue(sums.contains("[4, 3]") && sums.contains("row 0 sums to 2"), sums);
        INDArray logits = Nd4j.create(new float[][] {{2, -1}, {0, 1}, {1, 0}, {1, 0}});
        assertTrue(messageOf(mixUp, new DataSet(images, logits)).contains("outside [0, 1]"));
        String rows = messageOf(mixUp, new DataSet(images, LabeledTestBatches.oneHot(3, 2)));
        assertTrue(rows.contains("[3, 2]") && rows.contains("3 rows for 4 images"), rows);
        String timeSeries = messageOf(mixUp, new DataSet(images, Nd4j.zeros(4, 2, 7)));
        assertTrue(timeSeries.contains("[4, 2, 7]") && timeSeries.contains("rank 3"), timeSeries);
        assertTrue(messageOf(mixUp, new DataSet(images, null)).contains("no labels"));
    }

    @Test
    void imagesThatAreNotNchwAreRefused() {
        DataSet flat = new DataSet(Nd4j.rand(DataType.FLOAT, 4, 784), LabeledTestBatches.oneHot(4, 2));
        String message = messageOf(AugmentationPipeline.builder().mixUp(0.2).build(), flat);
        assertTrue(message.contains("[N, C, H, W]") && message.contains("[4, 784]"), message);
    }

    @Test
    void aMixingPipelineCannotAugmentImagesWithoutLabels() {
        AugmentationPipeline mixUp = AugmentationPipeline.builder().flipHorizontal(0.5).mixUp(0.2).build();
        String message = assertThrows(IllegalStateException.class, () -> mixUp.apply(Nd4j.rand(DataType.FLOAT, 2, 1, 4, 4)))
                .getMessage();
        assertTrue(message.contains("MixUp(alpha=0.2") && message.contains("DataSet"), message);
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MixUp(0));
        assertThrows(IllegalArgumentException.class, () -> new MixUp(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new MixUp(0.2, 1.5));
    }

    @Test
    void aSmallNetLearnsFromMixedBatchesWithSoftLabels() {
        int classes = 4;
        List<DataSet> batches = stripes(classes, 8, 32, 6);
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(0.01)).list()
                .layer(new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 1)).build());
        net.init();
        DataSet clean = DataSet.merge(batches);
        double before = net.score(clean);
        AugmentationPipeline mixUp = AugmentationPipeline.builder().mixUp(0.4).seed(9).build();
        DataSet sample = mixUp.apply(batches.get(0), 0);
        assertTrue(sample.getLabels().max(1).minNumber().doubleValue() < 0.99, "the net trains on soft labels");
        try (AugmentingIterator training = mixUp.wrap(new ExistingDataSetIterator(batches))) {
            for (int epoch = 0; epoch < 15; epoch++) {
                training.reset();
                net.fit(training);
            }
        }
        double after = net.score(clean);
        assertTrue(after < 0.3 * before, "loss on clean data from " + before + " to " + after);
        assertEquals(1.0, net.evaluate(new ExistingDataSetIterator(batches)).accuracy(), 0.05);
    }

    /** 8x8 gray images: class k is a bright horizontal stripe at row 2k (plus noise). */
    private static List<DataSet> stripes(int classes, int side, int batchSize, int batchCount) {
        Random random = new Random(4);
        List<DataSet> batches = new ArrayList<>();
        for (int b = 0; b < batchCount; b++) {
            float[] pixels = new float[batchSize * side * side];
            float[][] labels = new float[batchSize][classes];
            for (int i = 0; i < batchSize; i++) {
                int k = random.nextInt(classes);
                labels[i][k] = 1;
                for (int p = 0; p < side * side; p++) {
                    pixels[i * side * side + p] = (p / side == 2 * k ? 0.8f : 0.1f) + 0.1f * random.nextFloat();
                }
            }
            batches.add(new DataSet(Nd4j.create(pixels, new long[] {batchSize, 1, side, side}, 'c'), Nd4j.create(labels)));
        }
        return batches;
    }

    private static String messageOf(AugmentationPipeline pipeline, DataSet data) {
        return assertThrows(IllegalArgumentException.class, () -> pipeline.apply(data, 0)).getMessage();
    }
}
