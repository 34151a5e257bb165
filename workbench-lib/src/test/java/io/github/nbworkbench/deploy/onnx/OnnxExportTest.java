package io.github.nbworkbench.deploy.onnx;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.deploy.graph.InferenceGraph;
import io.github.nbworkbench.deploy.graph.SameDiffInference;
import io.github.nbworkbench.models.Cnns;
import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

@RequiresDataset(FASHION_MNIST)
class OnnxExportTest {

    private static final double TOLERANCE = 1e-4;
    private static LabeledDataset test;
    private static MultiLayerNetwork strong;

    @TempDir
    Path folder;

    @BeforeAll
    static void trainABatchNormNetwork() {
        LabeledDataset train = FashionMnist.load().train().limit(640);
        test = FashionMnist.load().test().limit(300);
        strong = Cnns.strong(train);
        // a few updates move batch norm's running mean and variance away from 0 and 1
        Trainer.of(strong).epochs(1).quiet().seed(3).fit(train.batchSize(64).shuffle(3).iterator());
    }

    @Test
    void theClassicCnnRunsInOnnxRuntimeWithDl4jsOutputs() throws IOException {
        LabeledDataset train = FashionMnist.load().train().limit(640);
        MultiLayerNetwork classic = Cnns.classic(train);
        Trainer.of(classic).epochs(1).quiet().seed(1).fit(train.batchSize(64).shuffle(1).iterator());

        assertOnnxAndSameDiffMatch(classic, test.features());
    }

    @Test
    void batchNormSamePaddingDropoutAndActivationLayersMatchToo() throws IOException {
        Path file = assertOnnxAndSameDiffMatch(strong, test.features());
        assertTrue(Files.size(file) > 4 * strong.numParams(), "the file holds every weight as FP32: " + Files.size(file) + " bytes");
    }

    @Test
    void stridedSamePaddingWithAnOddCellAverageAndMaxPoolingAndEveryActivationMatch() throws IOException {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(5).list()
                .layer(new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(6).convolutionMode(ConvolutionMode.Same)
                        .activation(new ActivationLReLU(0.1)).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.AVG).kernelSize(2, 2).stride(1, 1).build())
                .layer(new ConvolutionLayer.Builder(2, 2).stride(2, 2).padding(1, 1).nOut(4).activation(Activation.TANH).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(3, 3).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same).build())
                .layer(new DenseLayer.Builder().nOut(12).activation(new ActivationELU(0.5)).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new DenseLayer.Builder().nOut(10).activation(Activation.SOFTPLUS).build())
                .layer(new DenseLayer.Builder().nOut(8).hasBias(false).activation(Activation.SIGMOID).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(13, 12, 2))
                .build());
        net.init();
        Nd4j.getRandom().setSeed(7);
        INDArray images = Nd4j.rand(DataType.FLOAT, 16, 2, 13, 12).subi(0.5).muli(4);

        assertOnnxAndSameDiffMatch(net, images, InputType.convolutional(13, 12, 2));
    }

    @Test
    void anUnsupportedLayerIsRefusedByNameAndNothingIsWritten() {
        MultiLayerNetwork lstm = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new LSTM.Builder().nIn(5).nOut(8).build())
                .layer(new RnnOutputLayer.Builder().nOut(5).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.recurrent(5))
                .build());
        lstm.init();
        Path file = folder.resolve("lstm.onnx");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> OnnxExport.save(InferenceGraph.of(lstm, InputType.recurrent(5)), file));
        assertTrue(refused.getMessage().contains("layer 0 (LSTM)"), refused.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void aMissingOrCorruptFileIsRefusedWithItsPath() throws IOException {
        Path missing = folder.resolve("missing.onnx");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OnnxRuntimeModel.load(missing)).getMessage().contains("missing.onnx"));

        Path exported = OnnxExport.save(InferenceGraph.of(strong, test), folder.resolve("strong.onnx"));
        byte[] bytes = Files.readAllBytes(exported);
        Path truncated = Files.write(folder.resolve("truncated.onnx"), Arrays.copyOf(bytes, bytes.length / 3));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> OnnxRuntimeModel.load(truncated));
        assertTrue(refused.getMessage().contains("truncated.onnx"), refused.getMessage());
    }

    private Path assertOnnxAndSameDiffMatch(MultiLayerNetwork net, INDArray features) throws IOException {
        return assertOnnxAndSameDiffMatch(net, features, null);
    }

    private Path assertOnnxAndSameDiffMatch(MultiLayerNetwork net, INDArray features, InputType inputType) throws IOException {
        InferenceGraph graph = inputType == null ? InferenceGraph.of(net, test) : InferenceGraph.of(net, inputType);
        INDArray expected = net.output(features, false);
        Path file = OnnxExport.save(graph, folder.resolve("model.onnx"));
        try (OnnxRuntimeModel onnx = OnnxRuntimeModel.load(file)) {
            INDArray actual = onnx.output(features);
            assertArrayEquals(expected.shape(), actual.shape());
            assertEquals(0, maxDifference(expected, actual), TOLERANCE, "ONNX Runtime");
        }
        INDArray sameDiff = SameDiffInference.of(graph).output(features);
        assertEquals(0, maxDifference(expected, sameDiff), TOLERANCE, "SameDiff");
        return file;
    }

    private static double maxDifference(INDArray expected, INDArray actual) {
        return expected.castTo(actual.dataType()).sub(actual).amaxNumber().doubleValue();
    }
}
