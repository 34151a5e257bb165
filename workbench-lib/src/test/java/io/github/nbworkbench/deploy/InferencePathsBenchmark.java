package io.github.nbworkbench.deploy;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.deploy.graph.InferenceGraph;
import io.github.nbworkbench.deploy.graph.SameDiffInference;
import io.github.nbworkbench.deploy.onnx.OnnxExport;
import io.github.nbworkbench.deploy.onnx.OnnxInt8Export;
import io.github.nbworkbench.deploy.onnx.OnnxRuntimeModel;
import io.github.nbworkbench.models.Cnns;
import io.github.nbworkbench.runtime.WorkbenchRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Inference speed of the classic Fashion-MNIST CNN on four paths, MultiLayerNetwork, SameDiff,
 * ONNX Runtime and ONNX Runtime on the int8 QDQ export (integer kernels), in this JVM's ND4J build and thread count, with each path's speed relative to the
 * MultiLayerNetwork at the same batch size. The build and the thread count are fixed when ND4J loads,
 * so {@code benchmarks/inference-paths.sh} runs this once per build and thread count.
 *
 * <p>Not a test. Argument: the name of the ND4J build, for the table.
 */
public final class InferencePathsBenchmark {

    private InferencePathsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String build = args.length > 0 ? args[0] : "this build";
        WorkbenchRuntime.configure();
        LabeledDataset test = FashionMnist.load().test().limit(2048);
        MultiLayerNetwork net = Cnns.classic(test);
        InferenceGraph graph = InferenceGraph.of(net, test);
        SameDiffInference sameDiff = SameDiffInference.of(graph);
        Path onnxFile = OnnxExport.save(graph, Files.createTempFile("inference-paths", ".onnx"));
        Path int8File = OnnxInt8Export.of(graph, test.features()).save(Files.createTempFile("inference-paths-int8", ".onnx"));
        try (OnnxRuntimeModel onnx = OnnxRuntimeModel.load(onnxFile); OnnxRuntimeModel int8 = OnnxRuntimeModel.load(int8File)) {
            Table speed = InferenceBenchmark.of(test.features())
                    .variant("MultiLayerNetwork", x -> net.output(x, false))
                    .variant("SameDiff", sameDiff::output)
                    .variant("ONNX Runtime", onnx::output)
                    .variant("ONNX Runtime int8", int8::output)
                    .batchSizes(1, 32, 128)
                    .calls(20, 100)
                    .table();
            speed.addColumns(relativeToMultiLayerNetwork(speed));
            speed.insertColumn(0, StringColumn.create("threads", speed.rowCount()).setMissingTo(
                    String.valueOf(WorkbenchRuntime.describe().openMpThreads())));
            speed.insertColumn(0, StringColumn.create("build", speed.rowCount()).setMissingTo(build));
            System.out.println(speed.printAll());
        } finally {
            Files.deleteIfExists(onnxFile);
            Files.deleteIfExists(int8File);
        }
    }

    private static DoubleColumn relativeToMultiLayerNetwork(Table speed) {
        DoubleColumn ratio = DoubleColumn.create("x_multilayernetwork");
        for (int row = 0; row < speed.rowCount(); row++) {
            int batchSize = speed.intColumn("batch_size").get(row);
            double reference = speed.where(speed.stringColumn("variant").isEqualTo("MultiLayerNetwork")
                    .and(speed.intColumn("batch_size").isEqualTo(batchSize))).doubleColumn("samples_per_s").get(0);
            ratio.append(speed.doubleColumn("samples_per_s").get(row) / reference);
        }
        ratio.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(2));
        return ratio;
    }
}
