package io.github.nbworkbench.deploy.onnx;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.deploy.Granularity;
import io.github.nbworkbench.deploy.graph.InferenceGraph;
import io.github.nbworkbench.models.Cnns;
import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;

@RequiresDataset(FASHION_MNIST)
class OnnxInt8ExportTest {

    private static LabeledDataset train;
    private static LabeledDataset test;
    private static MultiLayerNetwork classic;
    private static InferenceGraph graph;

    @TempDir
    Path folder;

    @BeforeAll
    static void trainTheClassicCnn() {
        train = FashionMnist.load().train().limit(1280);
        test = FashionMnist.load().test().limit(500);
        classic = Cnns.classic(train);
        Trainer.of(classic).epochs(1).quiet().seed(1).fit(train.batchSize(64).shuffle(1).iterator());
        graph = InferenceGraph.of(classic, test);
    }

    @Test
    void theInt8ModelComputesWhatTheFloatModelDoesInAQuarterOfTheBytes() throws IOException {
        Path float32 = OnnxExport.save(graph, folder.resolve("float.onnx"));
        Path int8 = OnnxInt8Export.of(graph, train.features()).save(folder.resolve("int8.onnx"));

        INDArray expected = classic.output(test.features(), false);
        try (OnnxRuntimeModel onnx = OnnxRuntimeModel.load(int8)) {
            INDArray actual = onnx.output(test.features());
            assertArrayEquals(expected.shape(), actual.shape());
            assertTrue(maxDifference(expected, actual) < 0.1, "probabilities differ by at most 0.1, not " + maxDifference(expected, actual));
            assertTrue(agreement(expected, actual) >= 0.97, "the same class for 97% of the images, not " + agreement(expected, actual));
        }
        double ratio = (double) Files.size(float32) / Files.size(int8);
        assertTrue(ratio > 3.5, "int8 weights make the file about 4x smaller, not " + ratio + "x");
    }

    @Test
    void onnxRuntimeRunsTheConvolutionAndTheDenseLayersAsIntegerKernels() {
        Path int8 = OnnxInt8Export.of(graph, train.features()).save(folder.resolve("int8.onnx"));
        List<String> operators = OnnxRuntimeModel.optimizedOperators(int8).stringColumn("operator").asList();

        assertTrue(operators.contains("QLinearConv"), "the convolution runs on int8: " + operators);
        assertTrue(operators.contains("QLinearMatMul"), "the dense layers run on int8: " + operators);
        assertFalse(operators.contains("Conv") || operators.contains("MatMul") || operators.contains("Gemm"), "no float convolution or product is left: " + operators);

        Table float32 = OnnxRuntimeModel.optimizedOperators(OnnxExport.save(graph, folder.resolve("float.onnx")));
        assertFalse(float32.stringColumn("operator").asList().contains("QLinearConv"), float32.print());
    }

    @Test
    void oneScalePerTensorAlsoRunsButFollowsTheFloatModelLessClosely() {
        INDArray expected = classic.output(test.features(), false);
        double[] differences = new double[2];
        for (Granularity granularity : Granularity.values()) {
            Path file = OnnxInt8Export.of(graph, train.features()).granularity(granularity).save(folder.resolve(granularity + ".onnx"));
            try (OnnxRuntimeModel onnx = OnnxRuntimeModel.load(file)) {
                differences[granularity.ordinal()] = meanDifference(expected, onnx.output(test.features()));
            }
        }
        assertTrue(differences[Granularity.PER_CHANNEL.ordinal()] <= differences[Granularity.PER_TENSOR.ordinal()],
                "per channel " + differences[Granularity.PER_CHANNEL.ordinal()] + ", per tensor " + differences[Granularity.PER_TENSOR.ordinal()]);
    }

    @Test
    void calibrationInputsMustHaveExamples() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> OnnxInt8Export.of(graph, null));
        assertTrue(refused.getMessage().contains("calibration"), refused.getMessage());
    }

    @Test
    void aFolderGivenForTheFileIsRefusedAndLeftAsItWas() throws IOException {
        String message = assertThrows(java.io.UncheckedIOException.class,
                () -> OnnxInt8Export.of(graph, train.limit(10).features()).save(folder)).getMessage();

        assertEquals("Could not write the ONNX model to " + folder + ": " + folder + " is a folder: give the path of a file in it", message);
        try (var left = Files.list(folder)) {
            assertEquals(0, left.count(), "nothing written into the folder");
        }
    }

    @Test
    void calibrationInputsOfAnotherShapeAreRefusedBeforeAnythingRuns() {
        INDArray flat = train.limit(10).flat().features();

        String message = assertThrows(IllegalArgumentException.class, () -> OnnxInt8Export.of(graph, flat)).getMessage();

        assertEquals("The calibration inputs are shaped [?, 784] but the model takes [?, 1, 28, 28]: calibrate on examples of the data"
                + " it was trained on, shaped as it takes them", message);
    }

    private static double maxDifference(INDArray expected, INDArray actual) {
        return expected.castTo(actual.dataType()).sub(actual).amaxNumber().doubleValue();
    }

    private static double meanDifference(INDArray expected, INDArray actual) {
        return expected.castTo(actual.dataType()).sub(actual).ameanNumber().doubleValue();
    }

    private static double agreement(INDArray expected, INDArray actual) {
        INDArray same = expected.argMax(1).eq(actual.argMax(1).castTo(expected.argMax(1).dataType()));
        return same.castTo(DataType.FLOAT).meanNumber().doubleValue();
    }
}
