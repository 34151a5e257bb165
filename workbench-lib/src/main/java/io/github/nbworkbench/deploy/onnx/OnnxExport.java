package io.github.nbworkbench.deploy.onnx;

import io.github.nbworkbench.deploy.graph.InferenceGraph;
import io.github.nbworkbench.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import onnx.Onnx;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Writes a trained network as an ONNX model (opset {@value #OPSET}) that ONNX Runtime, and any other
 * ONNX consumer, runs with the network's own results. The layers it can carry are those of
 * {@link InferenceGraph}; any other layer is refused by name before a byte is written.
 *
 * <pre>{@code
 * OnnxExport.save(net, Path.of("model.onnx"));
 * try (OnnxRuntimeModel onnx = OnnxRuntimeModel.load(Path.of("model.onnx"))) {
 *     INDArray probabilities = onnx.output(testFeatures);
 * }
 * }</pre>
 *
 * The file has one input, {@value #INPUT_NAME}, shaped like DL4J's input with a free batch axis, and
 * one output, {@value #OUTPUT_NAME}.
 */
public final class OnnxExport {

    public static final int OPSET = 13;
    public static final String INPUT_NAME = "input";
    public static final String OUTPUT_NAME = "output";

    /** ONNX IR version 7 is the one that goes with opset 13, and what ONNX Runtime 1.10 reads. */
    private static final long IR_VERSION = 7;

    private OnnxExport() {
    }

    /** Writes {@code net} to {@code file} atomically and returns the file. */
    public static Path save(MultiLayerNetwork net, Path file) {
        return save(InferenceGraph.of(net), file);
    }

    public static Path save(InferenceGraph graph, Path file) {
        return write(toModel(graph), file);
    }

    /** The ONNX model of {@code net}, for callers that want to inspect or extend it before writing. */
    public static Onnx.ModelProto toModel(MultiLayerNetwork net) {
        return toModel(InferenceGraph.of(net));
    }

    public static Onnx.ModelProto toModel(InferenceGraph graph) {
        return toModel(graph, new OnnxGraphWriter(INPUT_NAME));
    }

    /** The model of {@code graph}'s steps as {@code writer} writes them, between the float input and output. */
    static Onnx.ModelProto toModel(InferenceGraph graph, OnnxGraphWriter writer) {
        graph.steps().forEach(writer::add);
        Onnx.GraphProto.Builder onnxGraph = writer.finish(OUTPUT_NAME)
                .setName("nbworkbench")
                .addInput(OnnxTensors.floatValueInfo(INPUT_NAME, graph.inputShape()))
                .addOutput(OnnxTensors.floatValueInfo(OUTPUT_NAME, graph.outputShape()));
        return Onnx.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("nbworkbench")
                .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(onnxGraph)
                .build();
    }

    /** Writes {@code model} to {@code file} atomically and returns the file. */
    static Path write(Onnx.ModelProto model, Path file) {
        byte[] bytes = model.toByteArray();
        try {
            AtomicFiles.write(file, out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the ONNX model to " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
