package io.github.nbworkbench.deploy.onnx;

import static org.bytedeco.onnxruntime.global.onnxruntime.ORT_ENABLE_ALL;
import static org.bytedeco.onnxruntime.global.onnxruntime.ORT_LOGGING_LEVEL_WARNING;
import static org.bytedeco.onnxruntime.global.onnxruntime.OrtArenaAllocator;
import static org.bytedeco.onnxruntime.global.onnxruntime.OrtMemTypeDefault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import onnx.Onnx;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.onnxruntime.AllocatorWithDefaultOptions;
import org.bytedeco.onnxruntime.Env;
import org.bytedeco.onnxruntime.MemoryInfo;
import org.bytedeco.onnxruntime.RunOptions;
import org.bytedeco.onnxruntime.Session;
import org.bytedeco.onnxruntime.SessionOptions;
import org.bytedeco.onnxruntime.Value;
import org.bytedeco.onnxruntime.ValueVector;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.onnxruntime.util.ONNXUtils;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * An ONNX model with one float input and one float output, such as {@link OnnxExport} writes, run
 * by ONNX Runtime 1.10 on the CPU with ND4J arrays in and out. Close it to free the native session.
 *
 * <p>Sessions are made here rather than through nd4j-onnxruntime's {@code OnnxRuntimeRunner}, whose
 * M2.1 version fixes one thread per session and verbose native logging.
 */
public final class OnnxRuntimeModel implements AutoCloseable {

    private static Env environment;

    private final Session session;
    private final MemoryInfo memory = MemoryInfo.CreateCpu(OrtArenaAllocator, OrtMemTypeDefault);
    private final RunOptions runOptions = new RunOptions();
    private final PointerPointer<BytePointer> inputNames;
    private final PointerPointer<BytePointer> outputNames;

    private OnnxRuntimeModel(Session session) {
        this.session = session;
        AllocatorWithDefaultOptions allocator = new AllocatorWithDefaultOptions();
        // an array: PointerPointer's one-pointer constructor would cast the name instead of pointing to it
        this.inputNames = new PointerPointer<>(new BytePointer[] {session.GetInputName(0, allocator.asOrtAllocator())});
        this.outputNames = new PointerPointer<>(new BytePointer[] {session.GetOutputName(0, allocator.asOrtAllocator())});
    }

    /**
     * Loads {@code file}. This ONNX Runtime build computes with OpenMP, so its threads follow
     * {@code OMP_NUM_THREADS}, like ND4J's.
     */
    public static OnnxRuntimeModel load(Path file) {
        Session session = session(file, sessionOptions());
        if (session.GetInputCount() != 1 || session.GetOutputCount() != 1) {
            long inputs = session.GetInputCount();
            long outputs = session.GetOutputCount();
            session.close();
            throw new IllegalArgumentException(file + " has " + inputs + " inputs and " + outputs + " outputs; OnnxRuntimeModel runs models with one of each");
        }
        return new OnnxRuntimeModel(session);
    }

    /**
     * The operators ONNX Runtime runs for {@code file} after its graph optimizations, with how many
     * of each: shows whether a QDQ model's groups became integer kernels (QLinearConv,
     * MatMulIntegerToFloat, ...) or stayed float operators on dequantized values.
     */
    public static Table optimizedOperators(Path file) {
        Path optimized = null;
        try {
            optimized = Files.createTempFile("onnxruntime-optimized", ".onnx");
            SessionOptions options = sessionOptions();
            options.SetOptimizedModelFilePath(new BytePointer(optimized.toAbsolutePath().toString()));
            session(file, options).close();
            Map<String, Long> counts = Onnx.ModelProto.parseFrom(Files.readAllBytes(optimized)).getGraph().getNodeList().stream()
                    .collect(Collectors.groupingBy(Onnx.NodeProto::getOpType, LinkedHashMap::new, Collectors.counting()));
            return Table.create("Operators ONNX Runtime runs for " + file.getFileName(),
                    StringColumn.create("operator", counts.keySet()),
                    LongColumn.create("count", counts.values().stream().mapToLong(Long::longValue).toArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read ONNX Runtime's optimized graph of " + file + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(optimized);
        }
    }

    /** The model's output for {@code features} (examples along the first axis), computed by ONNX Runtime. */
    public INDArray output(INDArray features) {
        INDArray input = features.castTo(DataType.FLOAT).dup('c');
        try (PointerScope scope = new PointerScope()) {
            Value inputs = new Value(1);
            inputs.position(0).put(ONNXUtils.getTensor(input, memory));
            ValueVector results;
            try {
                results = session.Run(runOptions, inputNames, inputs.position(0), 1, outputNames, 1);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("ONNX Runtime refused input of shape " + Arrays.toString(input.shape()) + ": " + e.getMessage(), e);
            }
            return toArray(results.get(0));
        }
    }

    @Override
    public void close() {
        session.close();
        runOptions.close();
        memory.close();
    }

    private static SessionOptions sessionOptions() {
        SessionOptions options = new SessionOptions();
        options.SetInterOpNumThreads(1);
        options.SetGraphOptimizationLevel(ORT_ENABLE_ALL);
        options.SetLogSeverityLevel(ORT_LOGGING_LEVEL_WARNING);
        return options;
    }

    private static Session session(Path file, SessionOptions options) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No ONNX model at " + file.toAbsolutePath() + "; write one with OnnxExport.save(graph, file)");
        }
        try {
            return new Session(environment(), new BytePointer(file.toAbsolutePath().toString()), options);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("ONNX Runtime could not load " + file + " (not an ONNX model, or truncated or corrupt): " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }

    private static INDArray toArray(Value tensor) {
        var info = tensor.GetTensorTypeAndShapeInfo();
        LongPointer shapePointer = info.GetShape();
        long[] shape = new long[(int) shapePointer.capacity()];
        shapePointer.get(shape);
        float[] values = new float[(int) info.GetElementCount()];
        tensor.GetTensorMutableDataFloat().capacity(values.length).get(values);
        return Nd4j.create(values, shape, 'c');
    }

    /** ONNX Runtime allows one environment per process; it lives as long as the process. */
    private static synchronized Env environment() {
        if (environment == null) {
            environment = new Env(ORT_LOGGING_LEVEL_WARNING, "nbworkbench");
            environment.retainReference();
        }
        return environment;
    }
}
