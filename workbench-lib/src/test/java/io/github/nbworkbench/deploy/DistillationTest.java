package io.github.nbworkbench.deploy;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.eval.ClassificationReport;
import io.github.nbworkbench.eval.Predictions;
import io.github.nbworkbench.models.Cnns;
import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

class DistillationTest {

    @TempDir
    Path folder;

    @RequiresDataset(FASHION_MNIST)
    @Test
    void targetsPutTheSoftenedTeacherBesideTheLabels() {
        LabeledDataset data = FashionMnist.load().test().limit(64);
        MultiLayerNetwork teacher = Cnns.classic(data);
        INDArray features = data.features();
        INDArray p = teacher.output(features, false);

        INDArray targets = Distillation.from(teacher).temperature(2).alpha(0.6).targets(features, data.labels());

        assertEquals(20, targets.size(1));
        for (int row = 0; row < 3; row++) {
            double normaliser = 0;
            for (int c = 0; c < 10; c++) {
                normaliser += Math.sqrt(p.getDouble(row, c));
            }
            for (int c = 0; c < 10; c++) {
                assertEquals(Math.sqrt(p.getDouble(row, c)) / normaliser, targets.getDouble(row, c), 1e-5);
                assertEquals(data.labels().getDouble(row, c), targets.getDouble(row, 10 + c), 0);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Distillation.from(teacher).alpha(1.5));
        assertThrows(IllegalArgumentException.class, () -> Distillation.from(teacher).temperature(0));
    }

    @Test
    void theLossIsHintonsSoftAndHardCrossEntropyAndItsGradientMatchesFiniteDifferences() {
        INDArray logits = Nd4j.createFromArray(new double[][] {{2.0, -1.0, 0.5}, {0.1, 0.2, -3.0}});
        INDArray teacherSoft = Nd4j.createFromArray(new double[][] {{0.7, 0.1, 0.2}, {0.3, 0.6, 0.1}});
        INDArray hard = Nd4j.createFromArray(new double[][] {{1, 0, 0}, {0, 1, 0}});
        INDArray labels = Nd4j.hstack(teacherSoft, hard);
        DistillationLoss loss = new DistillationLoss(3, 0.75);
        ActivationSoftmax softmax = new ActivationSoftmax();

        double expected = 0;
        for (int row = 0; row < 2; row++) {
            double[] z = logits.getRow(row).toDoubleVector();
            expected += 0.75 * 9 * crossEntropy(teacherSoft.getRow(row).toDoubleVector(), z, 3)
                    + 0.25 * crossEntropy(hard.getRow(row).toDoubleVector(), z, 1);
        }
        assertEquals(expected / 2, loss.computeScore(labels, logits, softmax, null, true), 1e-9);

        INDArray gradient = loss.computeGradient(labels, logits, softmax, null);
        double step = 1e-6;
        for (int row = 0; row < 2; row++) {
            for (int c = 0; c < 3; c++) {
                INDArray up = logits.dup();
                up.putScalar(row, c, up.getDouble(row, c) + step);
                INDArray down = logits.dup();
                down.putScalar(row, c, down.getDouble(row, c) - step);
                double numeric = (loss.computeScore(labels, up, softmax, null, false) - loss.computeScore(labels, down, softmax, null, false))
                        / (2 * step);
                assertEquals(numeric, gradient.getDouble(row, c), 1e-6, "d loss / d z[" + row + ", " + c + "]");
            }
        }
    }

    @Test
    void withPlainLabelsTheLossIsTheOrdinaryCrossEntropy() {
        INDArray logits = Nd4j.createFromArray(new double[][] {{2.0, -1.0, 0.5}, {0.1, 0.2, -3.0}});
        INDArray hard = Nd4j.createFromArray(new double[][] {{1, 0, 0}, {0, 0, 1}});
        ActivationSoftmax softmax = new ActivationSoftmax();

        assertEquals(new LossMCXENT().computeScore(hard, logits, softmax, null, true),
                new DistillationLoss(4, 0.7).computeScore(hard, logits, softmax, null, true), 1e-9);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new DistillationLoss(4, 0.7).computeScore(Nd4j.zeros(DataType.DOUBLE, 2, 5), logits, softmax, null, true));
        assertTrue(refused.getMessage().contains("3 columns, or 6"), refused.getMessage());
    }

    @RequiresDataset(FASHION_MNIST)
    @Test
    void aStudentLearnsFromTheTeacherAndIsSavedAndLoadedLikeAnyNetwork() throws IOException {
        LabeledDataset train = FashionMnist.load().train().limit(3000);
        LabeledDataset test = FashionMnist.load().test().limit(1000);
        MultiLayerNetwork teacher = Cnns.classic(train);
        Trainer.of(teacher).epochs(2).quiet().seed(1).fit(train.batchSize(64).shuffle(1).iterator());

        Distillation distillation = Distillation.from(teacher).temperature(4).alpha(0.7);
        MultiLayerNetwork student = distillation.student(smallStudent(10));
        DataSetIterator batches = train.batchSize(64).shuffle(2).iterator();
        batches.setPreProcessor(distillation);
        History history = Trainer.of(student).epochs(3).quiet().seed(2).validation(test.batchSize(500).iterator()).fit(batches);

        assertTrue(history.value("loss", 3) < history.value("loss", 1));
        double accuracy = ClassificationReport.of(Predictions.of(student, test.batchSize(500).iterator())).accuracy();
        assertTrue(accuracy > 0.7, "the distilled student's accuracy: " + accuracy);
        Path file = folder.resolve("student.zip");
        ModelSerializer.writeModel(student, file.toFile(), false);
        MultiLayerNetwork reloaded = ModelSerializer.restoreMultiLayerNetwork(file.toFile());
        assertEquals(student.output(test.features(), false), reloaded.output(test.features(), false));
        assertEquals("DistillationLoss(temperature=4.0, alpha=0.7)",
                ((BaseOutputLayer) reloaded.getOutputLayer().conf().getLayer()).getLossFn().toString());
    }

    @RequiresDataset(FASHION_MNIST)
    @Test
    void aStudentWithOtherClassesOrWithoutSoftmaxIsRefused() {
        MultiLayerNetwork teacher = Cnns.classic(FashionMnist.load().test().limit(10));
        Distillation distillation = Distillation.from(teacher);

        assertTrue(assertThrows(IllegalArgumentException.class, () -> distillation.student(smallStudent(5)))
                .getMessage().contains("5 outputs and the teacher 10"));
        MultiLayerNetwork sigmoid = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(4).nOut(10).activation(Activation.SIGMOID).build())
                .build());
        sigmoid.init();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> distillation.student(sigmoid))
                .getMessage().contains("softmax"));
    }

    /** -sum(target * log softmax(z / t)), computed naively in doubles. */
    private static double crossEntropy(double[] target, double[] z, double t) {
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v / t);
        }
        double entropy = 0;
        for (int i = 0; i < z.length; i++) {
            entropy -= target[i] * (z[i] / t - Math.log(sum));
        }
        return entropy;
    }

    private static MultiLayerNetwork smallStudent(int classes) {
        MultiLayerNetwork student = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).updater(new Adam(1e-3)).list()
                .layer(new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1)).build());
        student.init();
        return student;
    }
}
