package io.github.nbworkbench.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.eval.ClassificationReport;
import io.github.nbworkbench.eval.Predictions;
import io.github.nbworkbench.models.Cnns;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Trainer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class DistillationTest {

    @Test
    void targetsBlendTheSoftenedTeacherWithTheLabels() {
        LabeledDataset data = FashionMnist.load().test().limit(64);
        MultiLayerNetwork teacher = Cnns.classic(data);
        INDArray features = data.features();
        INDArray p = teacher.output(features, false);

        INDArray targets = Distillation.from(teacher).temperature(2).alpha(0.6).targets(features, data.labels());

        for (int row = 0; row < 3; row++) {
            double normaliser = 0;
            for (int c = 0; c < 10; c++) {
                normaliser += Math.sqrt(p.getDouble(row, c));
            }
            for (int c = 0; c < 10; c++) {
                double expected = 0.6 * Math.sqrt(p.getDouble(row, c)) / normaliser + 0.4 * data.labels().getDouble(row, c);
                assertEquals(expected, targets.getDouble(row, c), 1e-5);
            }
            assertEquals(1.0, targets.getRow(row).sumNumber().doubleValue(), 1e-5);
        }
        assertThrows(IllegalArgumentException.class, () -> Distillation.from(teacher).alpha(1.5));
        assertThrows(IllegalArgumentException.class, () -> Distillation.from(teacher).temperature(0));
    }

    @Test
    void aStudentTrainsOnTheTeachersTargets() {
        LabeledDataset train = FashionMnist.load().train().limit(3000);
        LabeledDataset test = FashionMnist.load().test().limit(1000);
        MultiLayerNetwork teacher = Cnns.classic(train);
        Trainer.of(teacher).epochs(2).quiet().seed(1).fit(train.batchSize(64).shuffle(1).iterator());

        MultiLayerNetwork student = smallStudent();
        DataSetIterator batches = train.batchSize(64).shuffle(2).iterator();
        batches.setPreProcessor(Distillation.from(teacher).temperature(4).alpha(0.7));
        History history = Trainer.of(student).epochs(3).quiet().seed(2).fit(batches);

        assertTrue(history.value("loss", 3) < history.value("loss", 1));
        double accuracy = ClassificationReport.of(Predictions.of(student, test.batchSize(500).iterator())).accuracy();
        assertTrue(accuracy > 0.7, "the distilled student's accuracy: " + accuracy);
    }

    private static MultiLayerNetwork smallStudent() {
        MultiLayerNetwork student = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).updater(new Adam(1e-3)).list()
                .layer(new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1)).build());
        student.init();
        return student;
    }
}
