package io.github.nbworkbench.deploy;

import io.github.nbworkbench.files.AtomicFiles;
import io.github.nbworkbench.results.ExportableModel;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A network with int8 weights (see {@link Int8Quantizer}): its configuration, each quantized weight
 * tensor as int8 values and float scales, every other parameter as FP32. Saved as a zip with a
 * properties entry listing every tensor and its shape, so a truncated or damaged file is refused on
 * load instead of giving a network that computes something else.
 */
public final class QuantizedModel implements ExportableModel {

    private static final String FORMAT = "nbworkbench-int8-model";
    private static final String VERSION = "1";
    private static final String PROPERTIES_ENTRY = "quantized-model.properties";
    private static final String CONFIGURATION_ENTRY = "configuration.json";

    private final String configuration;
    private final Granularity granularity;
    private final Map<String, long[]> shapes;
    private final Map<String, QuantizedTensor> quantized;
    private final Map<String, float[]> kept;
    private final Map<String, String> notes;

    QuantizedModel(String configuration, Granularity granularity, Map<String, long[]> shapes, Map<String, QuantizedTensor> quantized,
            Map<String, float[]> kept, Map<String, String> notes) {
        this.configuration = configuration;
        this.granularity = granularity;
        this.shapes = shapes;
        this.quantized = quantized;
        this.kept = kept;
        this.notes = notes;
    }

    public Granularity granularity() {
        return granularity;
    }

    /** A new FP32 network with the dequantized weights, ready for inference (no updater state). */
    public MultiLayerNetwork toNetwork() {
        MultiLayerNetwork network = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(configuration));
        network.init();
        for (Map.Entry<String, long[]> param : shapes.entrySet()) {
            String key = param.getKey();
            float[] values = quantized.containsKey(key) ? quantized.get(key).dequantize() : kept.get(key);
            network.setParam(key, Nd4j.create(values, param.getValue(), 'c'));
        }
        return network;
    }

    /** Bytes of the stored tensors: one per int8 weight, four per scale and per FP32 value. */
    public long storedBytes() {
        long bytes = 0;
        for (QuantizedTensor tensor : quantized.values()) {
            bytes += tensor.values().length + (long) Float.BYTES * tensor.scales().length;
        }
        for (float[] values : kept.values()) {
            bytes += (long) Float.BYTES * values.length;
        }
        return bytes;
    }

    /** One row per parameter tensor: tensor, shape, stored as (int8 or FP32, and why), bytes. */
    public Table report() {
        StringColumn tensors = StringColumn.create("tensor");
        StringColumn shapeColumn = StringColumn.create("shape");
        StringColumn storedAs = StringColumn.create("stored_as");
        LongColumn bytes = LongColumn.create("bytes");
        for (Map.Entry<String, long[]> param : shapes.entrySet()) {
            String key = param.getKey();
            tensors.append(key);
            shapeColumn.append(Arrays.toString(param.getValue()));
            storedAs.append(notes.get(key));
            QuantizedTensor tensor = quantized.get(key);
            bytes.append(tensor != null ? tensor.values().length + (long) Float.BYTES * tensor.scales().length
                    : (long) Float.BYTES * kept.get(key).length);
        }
        return Table.create("Int8 model (" + granularity.name().toLowerCase().replace('_', ' ') + ")", tensors, shapeColumn, storedAs, bytes);
    }

    /** Writes the model atomically to {@code file}. */
    @Override
    public void save(Path file) {
        Properties properties = new Properties();
        properties.setProperty("format", FORMAT);
        properties.setProperty("version", VERSION);
        properties.setProperty("granularity", granularity.name());
        properties.setProperty("tensors", String.join(",", shapes.keySet()));
        for (Map.Entry<String, long[]> param : shapes.entrySet()) {
            properties.setProperty("shape." + param.getKey(), Arrays.stream(param.getValue()).mapToObj(Long::toString)
                    .collect(Collectors.joining("x")));
            properties.setProperty("int8." + param.getKey(), Boolean.toString(quantized.containsKey(param.getKey())));
            properties.setProperty("note." + param.getKey(), notes.get(param.getKey()));
        }
        try {
            AtomicFiles.write(file, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                zip.putNextEntry(new ZipEntry(PROPERTIES_ENTRY));
                properties.store(zip, "workbench int8 model");
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(CONFIGURATION_ENTRY));
                zip.write(configuration.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                for (String key : shapes.keySet()) {
                    zip.putNextEntry(new ZipEntry("tensors/" + key));
                    zip.write(tensorBytes(key));
                    zip.closeEntry();
                }
                zip.finish();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the int8 model " + file + ": " + e.getMessage(), e);
        }
    }

    /** int8 tensors: scale count, scales, values; FP32 tensors: the floats. */
    private byte[] tensorBytes(String key) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        QuantizedTensor tensor = quantized.get(key);
        if (tensor != null) {
            out.writeInt(tensor.scales().length);
            out.writeInt(tensor.stride());
            for (float scale : tensor.scales()) {
                out.writeFloat(scale);
            }
            out.write(tensor.values());
        } else {
            for (float value : kept.get(key)) {
                out.writeFloat(value);
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    /**
     * Reads a file written by {@link #save}.
     *
     * @throws IllegalArgumentException when the file is missing, truncated, damaged or not an int8 model
     */
    public static QuantizedModel load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No int8 model at " + file.toAbsolutePath());
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Properties properties = new Properties();
            try (InputStream in = entry(zip, file, PROPERTIES_ENTRY)) {
                properties.load(in);
            }
            if (!FORMAT.equals(properties.getProperty("format")) || !VERSION.equals(properties.getProperty("version"))) {
                throw refused(file, "it is not a version " + VERSION + " workbench int8 model", null);
            }
            String configuration;
            try (InputStream in = entry(zip, file, CONFIGURATION_ENTRY)) {
                configuration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, long[]> shapes = new LinkedHashMap<>();
            Map<String, QuantizedTensor> quantized = new LinkedHashMap<>();
            Map<String, float[]> kept = new LinkedHashMap<>();
            Map<String, String> notes = new LinkedHashMap<>();
            for (String key : List.of(properties.getProperty("tensors", "").split(","))) {
                long[] shape = Arrays.stream(properties.getProperty("shape." + key, "").split("x")).mapToLong(Long::parseLong).toArray();
                shapes.put(key, shape);
                notes.put(key, properties.getProperty("note." + key, ""));
                int size = Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b));
                try (DataInputStream in = new DataInputStream(entry(zip, file, "tensors/" + key))) {
                    if (Boolean.parseBoolean(properties.getProperty("int8." + key))) {
                        float[] scales = new float[in.readInt()];
                        int stride = in.readInt();
                        for (int i = 0; i < scales.length; i++) {
                            scales[i] = in.readFloat();
                        }
                        byte[] values = new byte[size];
                        in.readFully(values);
                        quantized.put(key, new QuantizedTensor(shape, values, scales, stride));
                    } else {
                        float[] values = new float[size];
                        for (int i = 0; i < size; i++) {
                            values[i] = in.readFloat();
                        }
                        kept.put(key, values);
                    }
                    if (in.read() != -1) {
                        throw refused(file, "tensor " + key + " holds more data than its shape " + Arrays.toString(shape), null);
                    }
                } catch (EOFException e) {
                    throw refused(file, "tensor " + key + " is cut short", e);
                }
            }
            QuantizedModel model = new QuantizedModel(configuration, granularityOf(file, properties), shapes,
                    quantized, kept, notes);
            checkFits(file, model);
            return model;
        } catch (ZipException e) {
            throw refused(file, "it is truncated or not a zip file (" + e.getMessage() + ")", e);
        } catch (NumberFormatException | ArithmeticException e) {
            throw refused(file, "a tensor shape cannot be read (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the int8 model " + file + ": " + e.getMessage(), e);
        }
    }

    private static Granularity granularityOf(Path file, Properties properties) {
        String granularity = properties.getProperty("granularity");
        try {
            return Granularity.valueOf(String.valueOf(granularity));
        } catch (IllegalArgumentException e) {
            throw refused(file, "its granularity '" + granularity + "' is neither " + Arrays.toString(Granularity.values()), e);
        }
    }

    /** Builds the network once, so that tensors that do not fit the configuration are refused on load, not on first use. */
    private static void checkFits(Path file, QuantizedModel model) {
        try {
            model.toNetwork();
        } catch (RuntimeException e) {
            throw refused(file, "its tensors do not fit its configuration (" + e.getMessage() + ")", e);
        }
    }

    private static InputStream entry(ZipFile zip, Path file, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw refused(file, "it has no " + name, null);
        }
        return zip.getInputStream(entry);
    }

    private static IllegalArgumentException refused(Path file, String why, Exception cause) {
        return new IllegalArgumentException("Not a usable int8 model: " + file.toAbsolutePath() + ": " + why, cause);
    }
}
