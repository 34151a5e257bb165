package io.github.nbworkbench.deploy;

import io.github.nbworkbench.files.LittleEndian;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Where a network's size is: parameters and bytes per layer and data type, and how big it is on disk
 * as DL4J saves it (with and without the updater state) and with its parameters gzip-compressed.
 *
 * <pre>{@code
 * SizeReport.layers(net);   // layer, type, parameters, data type, bytes
 * SizeReport.files(net);    // file, bytes
 * }</pre>
 */
public final class SizeReport {

    private SizeReport() {
    }

    /** One row per layer: index, type, parameters, data type, bytes in memory. */
    public static Table layers(MultiLayerNetwork network) {
        IntColumn index = IntColumn.create("layer");
        StringColumn type = StringColumn.create("type");
        LongColumn parameters = LongColumn.create("parameters");
        StringColumn dataType = StringColumn.create("data_type");
        LongColumn bytes = LongColumn.create("bytes");
        for (Layer layer : network.getLayers()) {
            INDArray params = layer.params();
            long count = params == null ? 0 : params.length();
            index.append(layer.getIndex());
            type.append(layer.conf().getLayer().getClass().getSimpleName());
            parameters.append(count);
            dataType.append(params == null ? "-" : params.dataType().toString());
            bytes.append(params == null ? 0 : count * params.dataType().width());
        }
        return Table.create("Size by layer", index, type, parameters, dataType, bytes);
    }

    /** The network's size as files: DL4J's zip with and without the updater state, and its parameters gzip-compressed. */
    public static Table files(MultiLayerNetwork network) {
        return Table.create("Size on disk",
                StringColumn.create("file", "DL4J model with updater state", "DL4J model without updater state",
                        "parameters only, raw", "parameters only, gzip"),
                LongColumn.create("bytes", modelBytes(network, true), modelBytes(network, false), rawParameterBytes(network),
                        gzippedParameterBytes(network)));
    }

    static long modelBytes(MultiLayerNetwork network, boolean withUpdater) {
        CountingStream counter = new CountingStream();
        try {
            ModelSerializer.writeModel(network, counter, withUpdater);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counter.count;
    }

    static long rawParameterBytes(MultiLayerNetwork network) {
        INDArray params = network.params();
        return params.length() * params.dataType().width();
    }

    /** Gzip of the parameters as little-endian floats: what zero and repeated values (pruning, clustering) save. */
    static long gzippedParameterBytes(MultiLayerNetwork network) {
        return gzippedSize(LittleEndian.floats(Nd4j.toFlattened(network.params()).toFloatVector()));
    }

    static long gzippedSize(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
