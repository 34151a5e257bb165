package io.github.nbworkbench.deploy;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static io.github.nbworkbench.testdata.Dataset.SKLEARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.data.TabularData;
import io.github.nbworkbench.models.Cnns;
import io.github.nbworkbench.models.Mlps;
import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.testdata.SklearnData;
import io.github.nbworkbench.train.Trainer;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

@RequiresDataset(FASHION_MNIST)
class PrecisionCheckTest {

    @Test
    void measuresEveryDataTypeAndRecordsWhatTheBackendCannotDo() {
        FashionMnist fashion = FashionMnist.load();
        LabeledDataset train = fashion.train().limit(1_000);
        MultiLayerNetwork net = Cnns.classic().seed(1).build(train);
        Trainer.of(net).quiet().seed(1).fit(train.batchSize(64).iterator());
        DataSet batch = fashion.test().limit(128).toDataSet();

        PrecisionCheck check = PrecisionCheck.of(net, batch).trainingSteps(3);
        List<PrecisionCheck.Row> rows = check.rows();
        Table table = check.table();
        System.out.println(table.printAll());

        PrecisionCheck.Row single = rows.get(0);
        PrecisionCheck.Row half = rows.get(1);
        PrecisionCheck.Row bfloat = rows.get(2);
        PrecisionCheck.Row dbl = rows.get(3);
        assertEquals(List.of(DataType.FLOAT, DataType.HALF, DataType.BFLOAT16, DataType.DOUBLE), rows.stream().map(PrecisionCheck.Row::dataType).toList());
        assertTrue(single.inferenceRuns() && single.trainingRuns(), single.toString());
        assertTrue(single.accuracy() > 0.5, "FLOAT accuracy " + single.accuracy());
        assertEquals(2 * half.parameterBytes(), single.parameterBytes());
        assertEquals(2 * single.parameterBytes(), dbl.parameterBytes());
        assertTrue(dbl.inferenceRuns() && dbl.trainingRuns(), dbl.toString());
        assertTrue(dbl.maxOutputChange() < 1e-4, "DOUBLE outputs differ from FLOAT's by " + dbl.maxOutputChange());
        assertTrue(half.inferenceRuns(), half.toString());
        assertTrue(Math.abs(half.accuracy() - single.accuracy()) <= 0.02, "FP16 accuracy " + half.accuracy() + ", FP32 " + single.accuracy());
        assertTrue(half.maxOutputChange() > 0 && half.maxOutputChange() < 0.05, "FP16 output change " + half.maxOutputChange());
        assertTrue(half.training().startsWith("not supported: the loss was NaN"), "DL4J M2.1 trains in FP16 now: " + half.training());
        assertTrue(bfloat.training().contains("relu_bp"), "DL4J M2.1 trains in BF16 now: " + bfloat.training());
        for (PrecisionCheck.Row row : rows) {
            assertTrue(row.inferenceRuns() || row.inference().startsWith("not supported: "), row.inference());
            assertTrue(row.trainingRuns() || row.training().startsWith("not supported: "), row.training());
            assertEquals(row.trainingRuns(), Double.isFinite(row.lossAfterTraining()), row.toString());
        }
        assertEquals(4, table.rowCount());
        assertEquals(bfloat.training(), table.stringColumn("training").get(2));
    }

    @Test
    void refusesWhatCannotBeChecked() {
        MultiLayerNetwork uninitialised = new MultiLayerNetwork(Cnns.classic().build(new io.github.nbworkbench.models.ImageShape(8, 8, 1), 2)
                .getLayerWiseConfigurations().clone());
        DataSet batch = new DataSet(org.nd4j.linalg.factory.Nd4j.zeros(2, 1, 8, 8), org.nd4j.linalg.factory.Nd4j.eye(2));
        assertThrows(IllegalArgumentException.class, () -> PrecisionCheck.of(uninitialised, batch));
        MultiLayerNetwork net = Cnns.classic().build(new io.github.nbworkbench.models.ImageShape(8, 8, 1), 2);
        assertThrows(IllegalArgumentException.class, () -> PrecisionCheck.of(net, batch).dataTypes(DataType.INT8));
        assertThrows(IllegalArgumentException.class, () -> PrecisionCheck.of(net, batch).trainingSteps(0));
    }

    @Test
    @RequiresDataset(SKLEARN)
    void outputsThatOverflowADataTypeAreReportedInItsRowNotThrown() {
        // scikit-learn's breast cancer measurements, not standardized: areas up to 4,254, which a dense layer of 16 units
        // sums into values HALF (largest 65,504) cannot hold
        LabeledDataset cancer = TabularData.load(SklearnData.file("breast_cancer.csv")).label(30).classification();
        MultiLayerNetwork mlp = Mlps.classifier().hiddenSizes(16).build(cancer);

        PrecisionCheck.Row half = PrecisionCheck.of(mlp, cancer.limit(128).toDataSet()).dataTypes(DataType.FLOAT, DataType.HALF).trainingSteps(1)
                .row(DataType.HALF);

        assertTrue(half.inference().startsWith("not supported: ") && half.inference().contains("of the 256 outputs are NaN or infinite in HALF"
                + " (HALF's largest value is 65,504: standardize the inputs)"), half.inference());
        assertTrue(Double.isNaN(half.accuracy()), half.toString());
    }

    @Test
    void dataTheNetworkDoesNotTakeIsRefusedRatherThanReportedAsAnUnsupportedDataType() {
        FashionMnist fashion = FashionMnist.load();
        MultiLayerNetwork mlp = Mlps.classifier().hiddenSizes(16).build(fashion.train().limit(100).flat());
        DataSet images = fashion.test().limit(64).toDataSet();                         // [64, 1, 28, 28]: the MLP takes [?, 784]
        DataSet threeClasses = new DataSet(fashion.test().limit(64).flat().toDataSet().getFeatures(), Nd4j.zeros(DataType.FLOAT, 64, 3));

        String features = assertThrows(IllegalArgumentException.class, () -> PrecisionCheck.of(mlp, images)).getMessage();
        String labels = assertThrows(IllegalArgumentException.class, () -> PrecisionCheck.of(mlp, threeClasses)).getMessage();

        assertTrue(features.contains("the data gives [?, 1, 28, 28]") && features.contains("flatten the data to [N, 784]"), features);
        assertTrue(labels.startsWith("the labels do not match the model's output"), labels);
    }
}
