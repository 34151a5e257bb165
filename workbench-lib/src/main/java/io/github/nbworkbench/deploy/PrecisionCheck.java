package io.github.nbworkbench.deploy;

import io.github.nbworkbench.models.InputCheck;
import io.github.nbworkbench.tables.ReadableNumbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What reduced precision does for a network on this backend, measured: for each data type, whether
 * inference and training run at all, their speed relative to FLOAT, the accuracy (classification) or
 * the largest change of an output, the loss after the same training steps, and the bytes of the
 * parameters. A data type the backend cannot compute gives "not supported: " and DL4J's error in
 * its row instead of an exception.
 *
 * <pre>{@code
 * Table precision = PrecisionCheck.of(net, test.limit(512).toDataSet()).trainingSteps(5).table();
 * PrecisionCheck.Row half = PrecisionCheck.of(net, batch).row(DataType.HALF);
 * half.training();   // "ok" or "not supported: ..."
 * }</pre>
 *
 * Inference runs a copy made with {@code convertDataType}; training trains another copy (from the
 * network's current weights, so all data types start alike) for the given steps on the data. The
 * network itself is never changed.
 */
public final class PrecisionCheck {

    /** The data types checked unless {@link #dataTypes} says otherwise. */
    public static final List<DataType> DEFAULT_DATA_TYPES = List.of(DataType.FLOAT, DataType.HALF, DataType.BFLOAT16, DataType.DOUBLE);
    static final String OK = "ok";
    static final String NOT_SUPPORTED = "not supported: ";
    /** Timed inference passes per data type, after the untimed one that gave its outputs: their median is the time of a pass. */
    private static final int TIMED_PASSES = 3;

    private final MultiLayerNetwork network;
    private final DataSet data;
    private List<DataType> dataTypes = DEFAULT_DATA_TYPES;
    private int trainingSteps = 3;
    private List<Row> rows;

    private PrecisionCheck(MultiLayerNetwork network, DataSet data) {
        this.network = network;
        this.data = data;
    }

    /**
     * Checks {@code network} (initialised or trained) on {@code data}, one batch used for inference and for every training step.
     *
     * @throws IllegalArgumentException when the network is not initialised, or does not take the data's features or labels
     *                                  (then no data type could run, and the error says what to change)
     */
    public static PrecisionCheck of(MultiLayerNetwork network, DataSet data) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(data, "data");
        if (!network.isInitCalled()) {
            throw new IllegalArgumentException("The network is not initialised; call network.init() (or train it) before checking its precision");
        }
        InputCheck.verify(network, data);
        return new PrecisionCheck(network, data);
    }

    /** The data types to check, one row each, in this order; FLOAT is always measured as the reference. */
    public PrecisionCheck dataTypes(DataType... dataTypes) {
        for (DataType type : dataTypes) {
            if (!type.isFPType()) {
                throw new IllegalArgumentException(type + " is not a floating-point type; networks compute in FLOAT, DOUBLE, HALF or BFLOAT16");
            }
        }
        if (dataTypes.length == 0) {
            throw new IllegalArgumentException("Name at least one data type");
        }
        this.dataTypes = List.of(dataTypes);
        this.rows = null;
        return this;
    }

    /** Training steps per data type (default 3), each one {@code fit} on the data. */
    public PrecisionCheck trainingSteps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("Training steps must be 1 or more, got " + steps);
        }
        this.trainingSteps = steps;
        this.rows = null;
        return this;
    }

    /**
     * The measurements for one of the data types checked.
     *
     * @throws IllegalArgumentException when {@code dataType} is not among {@link #dataTypes}
     */
    public Row row(DataType dataType) {
        return rows().stream().filter(row -> row.dataType() == dataType).findFirst().orElseThrow(() -> new IllegalArgumentException(
                dataType + " is not among the data types checked, " + dataTypes + "; add it with dataTypes(...)"));
    }

    /** Every data type's measurements, in the order of {@link #dataTypes}; measured once, on the first call. */
    public List<Row> rows() {
        if (rows == null) {
            List<DataType> types = new ArrayList<>(List.of(DataType.FLOAT));
            dataTypes.stream().filter(type -> type != DataType.FLOAT).forEach(types::add);
            Map<DataType, Measured> measured = new LinkedHashMap<>();
            types.forEach(type -> measured.put(type, measure(type, measured.get(DataType.FLOAT))));
            Map<DataType, Double> inferenceSeconds = timeInference(measured);
            double floatSeconds = inferenceSeconds.getOrDefault(DataType.FLOAT, Double.NaN);
            double floatTraining = measured.get(DataType.FLOAT).trainingSeconds();
            rows = dataTypes.stream().map(type -> {
                Measured m = measured.get(type);
                double seconds = inferenceSeconds.getOrDefault(type, Double.NaN);
                return new Row(type, network.numParams(), m.inference(), seconds, speed(floatSeconds, seconds), m.accuracy(),
                        m.maxOutputChange(), m.training().status(), m.trainingSeconds(), speed(floatTraining, m.trainingSeconds()),
                        m.training().value().map(Timed::value).orElse(Double.NaN));
            }).toList();
        }
        return rows;
    }

    /**
     * One row per data type: data_type, bytes_per_parameter, parameter_mb, inference, inference_speed
     * (x FLOAT: above 1 is faster), accuracy (NaN when the labels are not classes), max_output_change
     * (largest absolute difference from FLOAT's outputs), training, training_speed (x FLOAT),
     * loss_after_training. NaN where the step did not run.
     */
    public Table table() {
        StringColumn type = StringColumn.create("data_type");
        IntColumn bytes = IntColumn.create("bytes_per_parameter");
        DoubleColumn megabytes = DoubleColumn.create("parameter_mb");
        StringColumn inference = StringColumn.create("inference");
        DoubleColumn inferenceSpeed = DoubleColumn.create("inference_speed");
        DoubleColumn accuracy = DoubleColumn.create("accuracy");
        DoubleColumn outputChange = DoubleColumn.create("max_output_change");
        StringColumn training = StringColumn.create("training");
        DoubleColumn trainingSpeed = DoubleColumn.create("training_speed");
        DoubleColumn loss = DoubleColumn.create("loss_after_training");
        for (Row row : rows()) {
            type.append(row.dataType().name());
            bytes.append(row.bytesPerParameter());
            megabytes.append(row.parameterBytes() / 1e6);
            inference.append(row.inference());
            inferenceSpeed.append(row.inferenceSpeed());
            accuracy.append(row.accuracy());
            outputChange.append(row.maxOutputChange());
            training.append(row.training());
            trainingSpeed.append(row.trainingSpeed());
            loss.append(row.lossAfterTraining());
        }
        List.of(megabytes, inferenceSpeed, outputChange, trainingSpeed, loss).forEach(ReadableNumbers::apply);
        ReadableNumbers.applyToFractions(accuracy);
        return Table.create("Reduced precision on this backend", type, bytes, megabytes, inference, inferenceSpeed, accuracy,
                outputChange, training, trainingSpeed, loss);
    }

    /**
     * One data type's measurements. {@code inference} and {@code training} are "ok" or "not supported: "
     * and the error; the numbers of a step that did not run are NaN. Speeds are relative to FLOAT.
     */
    public record Row(DataType dataType, long parameters, String inference, double inferenceSeconds, double inferenceSpeed,
                      double accuracy, double maxOutputChange,
                      String training, double trainingSeconds, double trainingSpeed, double lossAfterTraining) {

        public int bytesPerParameter() {
            return dataType.width();
        }

        public long parameterBytes() {
            return parameters * bytesPerParameter();
        }

        public boolean inferenceRuns() {
            return OK.equals(inference);
        }

        public boolean trainingRuns() {
            return OK.equals(training);
        }
    }

    /**
     * One data type's untimed inference (its status, accuracy and change of the outputs from FLOAT's), the copy that ran
     * it (for timing), and its training.
     */
    private record Measured(String inference, MultiLayerNetwork copy, INDArray outputs, double accuracy, double maxOutputChange,
                            Outcome<Timed<Double>> training) {

        double trainingSeconds() {
            return training.value().map(Timed::seconds).orElse(Double.NaN);
        }
    }

    private Measured measure(DataType type, Measured reference) {
        MultiLayerNetwork copy = copyIn(type);
        Outcome<INDArray> outputs = attempt(() -> finite(copy.output(data.getFeatures().castTo(type), false).castTo(DataType.FLOAT), type));
        Outcome<Timed<Double>> training = attempt(() -> train(type));
        INDArray floatOutputs = outputs.value().orElse(null);
        double accuracy = floatOutputs != null && isClassification() ? accuracy(floatOutputs) : Double.NaN;
        double change = Double.NaN;
        if (floatOutputs != null) {
            change = reference == null ? 0 : reference.outputs() == null ? Double.NaN
                    : floatOutputs.sub(reference.outputs()).amaxNumber().doubleValue();
        }
        return new Measured(outputs.status(), floatOutputs == null ? null : copy, floatOutputs, accuracy, change, training);
    }

    /**
     * Seconds per inference pass on the whole batch (the median of {@value #TIMED_PASSES}) of every data
     * type whose inference ran, timed by {@link InferenceBenchmark}, which takes turns between them so that a noisy
     * machine slows them alike. Each gets the FLOAT features and casts them, as a deployed model gets its inputs.
     */
    private Map<DataType, Double> timeInference(Map<DataType, Measured> measured) {
        InferenceBenchmark benchmark = InferenceBenchmark.of(data.getFeatures()).batchSizes((int) data.getFeatures().size(0))
                .calls(0, TIMED_PASSES);    // each copy ran once already, in measure
        List<DataType> timed = new ArrayList<>();
        measured.forEach((type, m) -> {
            if (m.copy() != null) {
                benchmark.variant(type.name(), x -> m.copy().output(x.castTo(type), false));
                timed.add(type);
            }
        });
        Map<DataType, Double> seconds = new HashMap<>();
        if (timed.isEmpty()) {
            return seconds;
        }
        Table speed = benchmark.table();
        for (int i = 0; i < timed.size(); i++) {
            seconds.put(timed.get(i), speed.doubleColumn(InferenceBenchmark.P50_MS).getDouble(i) / 1000);
        }
        return seconds;
    }

    /** The loss after {@link #trainingSteps} steps of a {@code type} copy; seconds per step after the first (a step changes the copy, so training is timed here). */
    private Timed<Double> train(DataType type) {
        MultiLayerNetwork copy = copyIn(type);
        DataSet batch = new DataSet(data.getFeatures().castTo(type), data.getLabels().castTo(type));
        copy.fit(batch);
        long start = System.nanoTime();
        for (int i = 1; i < trainingSteps; i++) {
            copy.fit(batch);
        }
        double seconds = trainingSteps > 1 ? (System.nanoTime() - start) / 1e9 / (trainingSteps - 1) : Double.NaN;
        double loss = copy.score(batch);
        if (!Double.isFinite(loss)) {
            throw new ArithmeticException("the loss was " + loss + " after " + trainingSteps + " training steps");
        }
        return new Timed<>(loss, seconds);
    }

    /** {@code outputs}, unless some are NaN or infinite: a data type too narrow for the values (HALF overflows above 65,504) fails so. */
    private static INDArray finite(INDArray outputs, DataType type) {
        long bad = outputs.isNaN().castTo(DataType.LONG).sumNumber().longValue() + outputs.isInfinite().castTo(DataType.LONG).sumNumber().longValue();
        if (bad > 0) {
            throw new ArithmeticException(String.format("%,d of the %,d outputs are NaN or infinite in %s", bad, outputs.length(), type)
                    + (type == DataType.HALF ? " (HALF's largest value is 65,504: standardize the inputs)" : ""));
        }
        return outputs;
    }

    /** A copy in {@code type}: convertDataType returns the network itself when it has that type already. */
    private MultiLayerNetwork copyIn(DataType type) {
        return network.params().dataType() == type ? network.clone() : network.convertDataType(type);
    }

    private boolean isClassification() {
        return data.getLabels().rank() == 2 && data.getLabels().size(1) > 1;
    }

    private double accuracy(INDArray outputs) {
        Evaluation evaluation = new Evaluation();
        evaluation.eval(data.getLabels().castTo(DataType.FLOAT), outputs);
        return evaluation.accuracy();
    }

    private static double speed(double referenceSeconds, double seconds) {
        return Double.isFinite(referenceSeconds) && Double.isFinite(seconds) && seconds > 0 ? referenceSeconds / seconds : Double.NaN;
    }

    private record Timed<T>(T value, double seconds) {
    }

    /** A step's value, or the error that stopped it. */
    private record Outcome<T>(Optional<T> value, String status) {
    }

    private static <T> Outcome<T> attempt(Supplier<T> step) {
        try {
            return new Outcome<>(Optional.of(step.get()), OK);
        } catch (RuntimeException | LinkageError e) {
            return new Outcome<>(Optional.empty(), NOT_SUPPORTED + rootMessage(e));
        }
    }

    /** The innermost cause's message on one line, without the op's generated name: DL4J wraps the native error that names the failing op. */
    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").replaceAll("name [0-9a-f-]{36} and ", "").replaceAll(" with message ?$", "").strip();
    }
}
