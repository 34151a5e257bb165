package io.github.nbworkbench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;

/**
 * A DL4J network, with its updater state and optionally the normalizer its inputs need, as one
 * {@link ExportableModel}: DL4J's own model.zip, read back with {@link SavedRun#network()} and
 * {@link SavedRun#normalizer()} (or DL4J's {@code ModelSerializer}).
 *
 * <pre>{@code
 * RunExport.of("cnn-baseline").model(ExportableNetwork.of(net, normalizer)).save(Path.of("results"));
 * }</pre>
 */
public final class ExportableNetwork implements ExportableModel {

    private final MultiLayerNetwork network;
    private final DataNormalization normalizer;

    private ExportableNetwork(MultiLayerNetwork network, DataNormalization normalizer) {
        this.network = Objects.requireNonNull(network, "network");
        this.normalizer = normalizer;
    }

    public static ExportableNetwork of(MultiLayerNetwork network) {
        return new ExportableNetwork(network, null);
    }

    public static ExportableNetwork of(MultiLayerNetwork network, DataNormalization normalizer) {
        return new ExportableNetwork(network, Objects.requireNonNull(normalizer, "normalizer"));
    }

    public MultiLayerNetwork network() {
        return network;
    }

    public Optional<DataNormalization> normalizer() {
        return Optional.ofNullable(normalizer);
    }

    /** Writes the network with its updater state, then adds the normalizer; not atomic by itself ({@link RunExport} stages the whole run). */
    @Override
    public void save(Path file) {
        try {
            // writeModel(net, file, true, normalizer) fails in DL4J 1.0.0-M2.1: the normalizer's serializer closes the zip stream
            ModelSerializer.writeModel(network, file.toFile(), true);
            if (normalizer != null) {
                ModelSerializer.addNormalizerToModel(file.toFile(), normalizer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the network to " + file + ": " + e.getMessage(), e);
        }
    }
}
