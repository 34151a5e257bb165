package io.github.nbworkbench.imbalance;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.data.TrainingData;
import io.github.nbworkbench.eval.ClassificationReport;
import io.github.nbworkbench.eval.OperatingPoint;
import io.github.nbworkbench.eval.PrecisionRecallCurve;
import io.github.nbworkbench.eval.Predictions;
import io.github.nbworkbench.eval.RocCurve;
import io.github.nbworkbench.plot.Charts;
import io.github.nbworkbench.plot.ClassDistributionPlot;
import io.github.nbworkbench.plot.PrecisionRecallPlot;
import io.github.nbworkbench.plot.RocPlot;
import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.internal.chartpart.Chart;
import org.nd4j.evaluation.classification.ROCMultiClass;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Fashion-MNIST made imbalanced: of 6,000 training images (600 per class), Shirt, Coat and Dress keep
 * 5% (30 each), 4,290 images in all. A small MLP trained on them hardly ever predicts those three:
 * their look-alikes (T-shirt/top, Pullover) are common. Class weights, oversampling and tuned
 * thresholds each bring their recall up. Judged on 2,000 balanced test images; thresholds are tuned
 * on 2,000 others. Measured here (3 epochs): the baseline's mean recall of the three was 0.09, with
 * class weights 0.63, with oversampling 0.65; the margins asserted are far below that.
 * {@code -Dplots.dir=/tmp/plots} keeps the charts.
 */
@RequiresDataset(FASHION_MNIST)
class ImbalancedFashionMnistTest {

    private static final List<String> RARE = List.of("Shirt", "Coat", "Dress");
    private static final int PER_CLASS = 600;
    private static final int RARE_KEPT = 30;
    private static final int EPOCHS = 3;
    private static final int BATCH = 64;
    private static final long SEED = 42;

    private static LabeledDataset train;
    private static LabeledDataset validation;
    private static LabeledDataset test;
    private static MultiLayerNetwork baseline;
    private static ClassificationReport baselineReport;

    @TempDir
    static Path temporary;

    @BeforeAll
    static void trainTheBaseline() {
        FashionMnist fashion = FashionMnist.load();
        train = imbalanced(fashion.train().limit(10 * PER_CLASS)).flat();
        TrainingData held = fashion.test().limit(4000).flat().trainValidationSplit(0.5, SEED);
        validation = held.validationSet();
        test = held.trainSet();
        baseline = fit(mlp(), train.batchSize(BATCH).shuffle(SEED).iterator());
        baselineReport = ClassificationReport.of(Predictions.of(baseline, test.batchSize(500).iterator()));
        report("baseline", baselineReport);
    }

    @Test
    void theTrainingDataIsImbalanced() {
        ClassDistribution distribution = ClassDistribution.of(train);

        assertEquals(7 * PER_CLASS + 3 * RARE_KEPT, distribution.total());
        assertEquals(RARE_KEPT, distribution.count("Shirt"));
        assertEquals(20.0, distribution.imbalanceRatio());
        assertEquals(4290.0 / (10 * 30), ClassWeights.balanced(train).weight("Coat"), 1e-12);
        save(ClassDistributionPlot.chart(distribution), "class-distribution.png");
        System.out.println(distribution.table().print());
    }

    @Test
    void classWeightsRaiseTheRareClassesRecall() {
        MultiLayerNetwork weighted = fit(ClassWeightedLoss.apply(mlp(), ClassWeights.balanced(train)),
                train.batchSize(BATCH).shuffle(SEED).iterator());

        ClassificationReport report = ClassificationReport.of(Predictions.of(weighted, test.batchSize(500).iterator()));

        report("class weights", report);
        assertTrue(rareRecall(report) > rareRecall(baselineReport) + 0.25, summary(report));
        assertTrue(report.macroF1() > baselineReport.macroF1() + 0.08, summary(report));
    }

    @Test
    void oversamplingRaisesTheRareClassesRecall() {
        MultiLayerNetwork oversampled = fit(mlp(), BalancedBatches.oversample(train).batchSize(BATCH).seed(SEED).iterator());

        ClassificationReport report = ClassificationReport.of(Predictions.of(oversampled, test.batchSize(500).iterator()));

        report("oversampling", report);
        assertTrue(rareRecall(report) > rareRecall(baselineReport) + 0.25, summary(report));
        assertTrue(report.macroF1() > baselineReport.macroF1() + 0.08, summary(report));
    }

    @Test
    void thresholdsTunedOnValidationRaiseTheRareClassesRecallOnTest() {
        Predictions tuning = Predictions.of(baseline, validation.batchSize(500).iterator());
        Predictions testPredictions = Predictions.of(baseline, test.batchSize(500).iterator());

        ClassThresholds thresholds = ClassThresholds.bestF1(tuning, RARE.toArray(String[]::new));
        ClassificationReport report = thresholds.report(testPredictions);

        System.out.println(thresholds);
        report("thresholds (best F1 on validation)", report);
        for (String rare : RARE) {
            assertTrue(thresholds.threshold(rare) < 0.5, thresholds.toString());
        }
        assertTrue(rareRecall(report) > rareRecall(baselineReport) + 0.25, summary(report));
        assertTrue(report.macroF1() > baselineReport.macroF1() + 0.08, summary(report));
        save(PrecisionRecallPlot.chart(PrecisionRecallCurve.forClasses(tuning, RARE.toArray(String[]::new))), "pr-curves.png");
        save(RocPlot.chart(RocCurve.forClasses(tuning, RARE.toArray(String[]::new))), "roc-curves.png");
    }

    @Test
    void curvesAgreeWithDirectCountsAndWithDl4jOnRealPredictions() {
        Predictions predictions = Predictions.of(baseline, test.batchSize(500).iterator());
        ROCMultiClass dl4j = new ROCMultiClass(0);
        dl4j.eval(predictions.labels(), predictions.probabilities());
        int[] actual = predictions.actual();

        for (int c = 0; c < predictions.numClasses(); c++) {
            RocCurve roc = RocCurve.of(predictions, c);
            PrecisionRecallCurve pr = PrecisionRecallCurve.of(predictions, c);
            assertEquals(dl4j.calculateAUC(c), roc.auc(), 1e-6, "AUC of " + roc.className());

            OperatingPoint best = pr.bestF1();
            double[] scores = predictions.probabilities().getColumn(c).toDoubleVector();
            int truePositives = 0;
            int predictedPositives = 0;
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] >= best.threshold()) {
                    predictedPositives++;
                    truePositives += actual[i] == c ? 1 : 0;
                }
            }
            assertEquals((double) truePositives / predictedPositives, best.precision(), 1e-12, roc.className());
            assertEquals((double) truePositives / 200, best.recall(), 1e-12, roc.className());
        }
    }

    private static LabeledDataset imbalanced(LabeledDataset balanced) {
        int[] kept = new int[balanced.numClasses()];
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < balanced.size(); i++) {
            int c = balanced.classIndex(i);
            if (!RARE.contains(balanced.className(i)) || kept[c]++ < RARE_KEPT) {
                indices.add(i);
            }
        }
        return balanced.select(indices.stream().mapToInt(Integer::intValue).toArray());
    }

    private static MultiLayerNetwork mlp() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(SEED).updater(new Adam(1e-3)).list()
                .layer(new DenseLayer.Builder().nIn(28 * 28).nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(64).nOut(10).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }

    private static MultiLayerNetwork fit(MultiLayerNetwork net, DataSetIterator data) {
        Trainer.of(net).epochs(EPOCHS).seed(SEED).quiet().fit(data);
        return net;
    }

    private static double rareRecall(ClassificationReport report) {
        return RARE.stream().mapToDouble(name -> report.recall(report.classNames().indexOf(name))).average().orElseThrow();
    }

    private static String summary(ClassificationReport report) {
        return String.format(Locale.ROOT, "rare recall %.3f (baseline %.3f), macro F1 %.3f (baseline %.3f)",
                rareRecall(report), rareRecall(baselineReport), report.macroF1(), baselineReport.macroF1());
    }

    private static void report(String run, ClassificationReport report) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-36s accuracy %.3f, macro F1 %.3f, recall:",
                run, report.accuracy(), report.macroF1()));
        for (String rare : RARE) {
            line.append(String.format(Locale.ROOT, " %s %.3f", rare, report.recall(report.classNames().indexOf(rare))));
        }
        System.out.println(line);
    }

    private static void save(Chart<?, ?> chart, String name) {
        String folder = System.getProperty("plots.dir");
        Charts.save(chart, (folder == null ? temporary : Path.of(folder)).resolve(name));
    }
}
