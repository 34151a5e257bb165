package io.github.nbworkbench.text;

import io.github.nbworkbench.files.AtomicFiles;
import io.github.nbworkbench.results.ExportableModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A next-token network together with the vocabulary it was trained on, saved and loaded as one
 * file, so that a model can never be paired with the wrong vocabulary.
 *
 * <pre>{@code
 * new LanguageModel(net, vocabulary).save(Path.of("sotu-lstm.zip"));
 * LanguageModel model = LanguageModel.load(Path.of("sotu-lstm.zip"));
 * String text = model.generator().generate("The ", 200, Sampling.temperature(0.5));
 * }</pre>
 *
 * The file is a zip holding {@value #PROPERTIES_ENTRY}, the network in DL4J's own format as
 * {@value #NETWORK_ENTRY} and the vocabulary as {@value #VOCABULARY_ENTRY}.
 */
public record LanguageModel(MultiLayerNetwork network, Vocabulary vocabulary) implements ExportableModel {

    static final String PROPERTIES_ENTRY = "language-model.properties";
    static final String NETWORK_ENTRY = "network.zip";
    static final String VOCABULARY_ENTRY = "vocabulary.txt";
    private static final String FORMAT = "nbworkbench-language-model";
    private static final String VERSION = "1";

    /** @throws IllegalArgumentException when the network's input or output width is not the vocabulary size */
    public LanguageModel {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(vocabulary, "vocabulary");
        TextGenerator.of(network, vocabulary);
    }

    /** A generator for this model (seed {@value TextGenerator#DEFAULT_SEED}). */
    public TextGenerator generator() {
        return TextGenerator.of(network, vocabulary);
    }

    /** Writes the network (without its updater state) and the vocabulary atomically to {@code file}. */
    @Override
    public void save(Path file) {
        save(file, false);
    }

    /** Writes the network and the vocabulary atomically; with {@code withUpdaterState}, training can go on from the loaded copy. */
    public void save(Path file, boolean withUpdaterState) {
        Properties properties = new Properties();
        properties.setProperty("format", FORMAT);
        properties.setProperty("version", VERSION);
        properties.setProperty("vocabularySize", Integer.toString(vocabulary.size()));
        try {
            AtomicFiles.write(file, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                zip.putNextEntry(new ZipEntry(PROPERTIES_ENTRY));
                properties.store(zip, "workbench language model");
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(NETWORK_ENTRY));
                ByteArrayOutputStream networkBytes = new ByteArrayOutputStream();
                ModelSerializer.writeModel(network, networkBytes, withUpdaterState);
                networkBytes.writeTo(zip);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(VOCABULARY_ENTRY));
                vocabulary.write(zip);
                zip.closeEntry();
                zip.finish();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the language model " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a file written by {@link #save}.
     *
     * @throws IllegalArgumentException when the file is missing, truncated, or not a language model
     */
    public static LanguageModel load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No language model at " + file.toAbsolutePath());
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Properties properties = new Properties();
            try (InputStream in = entry(zip, file, PROPERTIES_ENTRY)) {
                properties.load(in);
            }
            if (!FORMAT.equals(properties.getProperty("format"))) {
                throw notALanguageModel(file, "its " + PROPERTIES_ENTRY + " is not a workbench language model's", null);
            }
            if (!VERSION.equals(properties.getProperty("version"))) {
                throw notALanguageModel(file, "it has format version " + properties.getProperty("version") + ", this workbench reads " + VERSION, null);
            }
            Vocabulary vocabulary;
            try (InputStream in = entry(zip, file, VOCABULARY_ENTRY)) {
                vocabulary = Vocabulary.read(in);
            } catch (IllegalArgumentException e) {
                throw notALanguageModel(file, "its vocabulary cannot be read (" + e.getMessage() + ")", e);
            }
            byte[] networkBytes;
            try (InputStream in = entry(zip, file, NETWORK_ENTRY)) {
                networkBytes = in.readAllBytes();
            }
            MultiLayerNetwork network;
            try {
                network = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(networkBytes), true);
            } catch (IOException | RuntimeException e) {
                throw notALanguageModel(file, "its network cannot be read (" + e.getMessage() + ")", e);
            }
            try {
                return new LanguageModel(network, vocabulary);
            } catch (IllegalArgumentException e) {
                throw notALanguageModel(file, e.getMessage(), e);
            }
        } catch (ZipException e) {
            throw notALanguageModel(file, "it is truncated or not a zip file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the language model " + file + ": " + e.getMessage(), e);
        }
    }

    private static InputStream entry(ZipFile zip, Path file, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw notALanguageModel(file, "it has no " + name, null);
        }
        return zip.getInputStream(entry);
    }

    private static IllegalArgumentException notALanguageModel(Path file, String why, Exception cause) {
        return new IllegalArgumentException("Not a usable language model: " + file.toAbsolutePath() + ": " + why, cause);
    }
}
