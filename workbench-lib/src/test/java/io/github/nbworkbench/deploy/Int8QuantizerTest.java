package io.github.nbworkbench.deploy;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.eval.ClassificationReport;
import io.github.nbworkbench.eval.Predictions;
import io.github.nbworkbench.models.Cnns;
import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import tech.tablesaw.api.Table;

@RequiresDataset(FASHION_MNIST)
class Int8QuantizerTest {

    private static final LabeledDataset TEST = FashionMnist.load().test().limit(2000);
    private static MultiLayerNetwork trained;

    @TempDir
    Path folder;

    @BeforeAll
    static void train() {
        LabeledDataset train = FashionMnist.load().train().limit(6000);
        trained = Cnns.classic(train);
        Trainer.of(trained).epochs(2).quiet().seed(1).fit(train.batchSize(64).shuffle(1).iterator());
    }

    @Test
    void symmetricInt8KeepsEachValueWithinHalfAStepOfItsChannel() {
        float[] weights = {0.5f, -1.0f, 0.02f, 0.04f, -0.01f, 0.0f};   // [3, 2]: channel 0 = column 0
        QuantizedTensor perChannel = QuantizedTensor.quantize(weights, new long[] {3, 2}, 1, Granularity.PER_CHANNEL);
        QuantizedTensor perTensor = QuantizedTensor.quantize(weights, new long[] {3, 2}, 1, Granularity.PER_TENSOR);

        assertArrayEquals(new float[] {0.5f / 127, 1.0f / 127}, perChannel.scales(), 1e-9f);
        assertArrayEquals(new byte[] {127, -127, 5, 5, -3, 0}, perChannel.values());
        assertArrayEquals(new float[] {1.0f / 127}, perTensor.scales(), 1e-9f);
        float[] restored = perChannel.dequantize();
        for (int i = 0; i < weights.length; i++) {
            float step = perChannel.scales()[i % 2];
            assertTrue(Math.abs(restored[i] - weights[i]) <= step / 2 + 1e-7, "value " + i);
        }
    }

    @Test
    void int8WeightsCostAtMostHalfAPointOfAccuracyAndAQuarterOfTheBytes() {
        double before = accuracy(trained);
        for (Granularity granularity : Granularity.values()) {
            QuantizedModel int8 = Int8Quantizer.quantize(trained, granularity);
            double after = accuracy(int8.toNetwork());
            assertTrue(Math.abs(before - after) <= 0.005, granularity + ": accuracy " + before + " -> " + after);
            double smaller = (double) SizeReport.rawParameterBytes(trained) / int8.storedBytes();
            assertTrue(smaller > 3.5, granularity + ": " + smaller + "x smaller");
        }
    }

    @Test
    void perChannelScalesGiveSmallerErrorsThanOnePerTensor() {
        INDArray original = trained.params();
        double perTensor = Transforms.abs(Int8Quantizer.quantize(trained, Granularity.PER_TENSOR).toNetwork().params().sub(original))
                .sumNumber().doubleValue();
        double perChannel = Transforms.abs(Int8Quantizer.quantize(trained, Granularity.PER_CHANNEL).toNetwork().params().sub(original))
                .sumNumber().doubleValue();
        assertTrue(perChannel < perTensor, perChannel + " vs " + perTensor);
    }

    @Test
    void savedAndLoadedGivesTheSameNetworkAndTheFileIsSmall() throws IOException {
        QuantizedModel int8 = Int8Quantizer.quantize(trained, Granularity.PER_CHANNEL);
        Path file = folder.resolve("model-int8.zip");
        int8.save(file);

        MultiLayerNetwork loaded = QuantizedModel.load(file).toNetwork();

        assertEquals(int8.toNetwork().params(), loaded.params());
        Table files = SizeReport.files(trained);
        long fp32File = files.longColumn("bytes").get(1);
        assertTrue((double) fp32File / Files.size(file) > 3.5, fp32File + " vs " + Files.size(file) + " bytes");
    }

    @Test
    void layersThatAreNotQuantizedStayFp32AndTheReportSaysSo() {
        MultiLayerNetwork strong = Cnns.strong(TEST);
        Table report = Int8Quantizer.quantize(strong, Granularity.PER_CHANNEL).report();

        assertTrue(report.stringColumn("stored_as").asList().stream().anyMatch(s -> s.contains("BatchNormalization is not quantized")),
                report.print());
        assertTrue(report.stringColumn("stored_as").asList().stream().anyMatch(s -> s.startsWith("int8")));
        assertTrue(report.stringColumn("stored_as").asList().contains("FP32 (bias)"));
    }

    @Test
    void aTruncatedOrForeignFileIsRefusedAndTheGoodOneStays() throws IOException {
        Path good = folder.resolve("good.zip");
        Int8Quantizer.quantize(trained, Granularity.PER_TENSOR).save(good);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = folder.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 2000));
        Path foreign = folder.resolve("foreign.zip");
        org.deeplearning4j.util.ModelSerializer.writeModel(trained, foreign.toFile(), false);

        for (Path bad : new Path[] {truncated, foreign, folder.resolve("missing.zip")}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> QuantizedModel.load(bad));
            assertTrue(error.getMessage().contains(bad.getFileName().toString()), error.getMessage());
        }
        assertEquals(trained.numParams(), QuantizedModel.load(good).toNetwork().numParams());
    }

    @Test
    void theSizeReportCountsEveryParameter() {
        Table layers = SizeReport.layers(trained);
        assertEquals(trained.numParams(), layers.longColumn("parameters").sum(), 0.5);
        assertEquals(4 * trained.numParams(), layers.longColumn("bytes").sum(), 0.5);
        Table files = SizeReport.files(trained);
        assertTrue(files.longColumn("bytes").get(0) > files.longColumn("bytes").get(1), "the updater state adds bytes");
    }

    private static double accuracy(MultiLayerNetwork net) {
        return ClassificationReport.of(Predictions.of(net, TEST.batchSize(500).iterator())).accuracy();
    }
}
