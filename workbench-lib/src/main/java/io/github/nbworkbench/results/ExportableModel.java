package io.github.nbworkbench.results;

import java.nio.file.Path;

/**
 * A model that {@link RunExport} can write into a run's folder as one file, with whatever it needs
 * to be used again (a vocabulary, int8 scales, a normalizer). Implemented by
 * {@link ExportableNetwork} (a DL4J network and its normalizer), {@code deploy.QuantizedModel} and
 * {@code text.LanguageModel}; each is read back with its own {@code load}.
 *
 * <pre>{@code
 * RunExport.of("int8").model(Int8Quantizer.quantize(net, Granularity.PER_CHANNEL)).save(Path.of("results"));
 * RunExport.of("cnn").model(ExportableNetwork.of(net, normalizer)).save(Path.of("results"));
 * }</pre>
 */
public interface ExportableModel {

    /** Writes the model to {@code file}, replacing it. */
    void save(Path file);
}
