package io.github.nbworkbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import tech.tablesaw.api.Table;

class WorkbenchRuntimeTest {

    private static final int BATCH = 16;

    @BeforeAll
    static void configure() {
        WorkbenchRuntime.configure();
    }

    @Test
    void convolutionAndPoolingLayersRunOnOneDnn() {
        MultiLayerNetwork net = smallCnn();
        INDArray features = Nd4j.rand(DataType.FLOAT, BATCH, 1, 28, 28);
        INDArray labels = Nd4j.eye(10).getRows(IntStream.range(0, BATCH).map(i -> i % 10).toArray());

        net.fit(features, labels);
        INDArray output = net.output(features);

        assertEquals(List.of((long) BATCH, 10L), List.of(output.size(0), output.size(1)));
        assertInstanceOf(MKLDNNConvHelper.class,
                ((org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) net.getLayer(0)).getHelper());
        assertInstanceOf(MKLDNNSubsamplingHelper.class,
                ((org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer) net.getLayer(1)).getHelper());
    }

    @Test
    void describeReadsTheLiveSetUp() {
        RuntimeDescription runtime = WorkbenchRuntime.describe();

        assertTrue(runtime.helpersEnabled(), runtime::toString);
        assertTrue(runtime.oneDnnUsable(), runtime::toString);
        assertTrue(runtime.backend().startsWith("CPU"), runtime::toString);
        assertTrue(runtime.nativeBuild().contains("onednn"), runtime::toString);
        assertEquals(DataType.FLOAT, runtime.dataType());
        assertTrue(runtime.openMpThreads() >= 1 && runtime.openMpThreads() <= runtime.cores(), runtime::toString);
        assertTrue(runtime.blasThreads() >= 1, runtime::toString);
        assertTrue(runtime.toString().contains("helpers          on"), runtime::toString);
        assertTrue(runtime.vectorApi(), "the tests run with the Vector API: " + runtime);
        assertTrue(runtime.toString().contains("Vector API       on"), runtime::toString);
    }

    @Test
    void usesOneThreadOnASmallMachineUnlessOmpNumThreadsIsSet() {
        assumeTrue(System.getenv(WorkbenchRuntime.OMP_NUM_THREADS) == null, "OMP_NUM_THREADS is set");
        assumeTrue(Runtime.getRuntime().availableProcessors() <= 2, "more than two cores");

        RuntimeDescription runtime = WorkbenchRuntime.describe();

        assertEquals(1, runtime.openMpThreads());
        assertEquals(1, runtime.blasThreads());
    }

    @Test
    void configureAppliesTheThreadCountToTheThreadThatCallsIt() throws InterruptedException {
        int before = WorkbenchRuntime.describe().openMpThreads();
        int other = before == 1 ? 2 : 1;
        try {
            WorkbenchRuntime.threads(other);
            AtomicInteger seenInNewThread = new AtomicInteger();
            Thread worker = new Thread(() -> {
                WorkbenchRuntime.configure();
                seenInNewThread.set(Nd4jThreads.openMp());
            });
            worker.start();
            worker.join();

            assertEquals(other, WorkbenchRuntime.describe().openMpThreads());
            assertEquals(other, WorkbenchRuntime.describe().blasThreads());
            assertEquals(other, seenInNewThread.get());
        } finally {
            WorkbenchRuntime.threads(before);
        }
    }

    @Test
    void rejectsFewerThanOneThread() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> WorkbenchRuntime.threads(0));
        assertEquals("threads must be at least 1, got 0", error.getMessage());
    }

    @Test
    void tableHasOneRowPerProperty() {
        Table table = WorkbenchRuntime.describe().table();

        assertEquals("Runtime", table.name());
        assertEquals(List.of("property", "value"), table.columnNames());
        assertEquals(List.of("backend", "native build", "BLAS", "OpenMP threads", "BLAS threads", "cores", "helpers",
                "oneDNN", "Vector API", "data type", "CPU", "CPU features", "Java", "GPU", "warnings"),
                table.stringColumn("property").asList());
        assertEquals("on", table.where(table.stringColumn("property").isEqualTo("helpers"))
                .stringColumn("value").get(0));
    }

    private static MultiLayerNetwork smallCnn() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(7)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
