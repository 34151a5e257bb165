package io.github.nbworkbench.results;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.runtime.WorkbenchRuntime;
import io.github.nbworkbench.train.History;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * What a reader needs to trust and repeat a run, in one small document: seed, library and Java
 * versions, backend and hardware, a hash of the data, the model's configuration, training time and
 * final metrics, and whether training repeats bit for bit. Written as run_card.json and
 * run_card.md by {@link RunExport}.
 *
 * <pre>{@code
 * RunCard card = RunCard.builder().seed(42).data("Fashion-MNIST, 12,000 images", train).model(net)
 *     .history(history).determinism(DeterminismCheck.of(() -> Cnns.classic(train), train).result()).build();
 * }</pre>
 */
public final class RunCard {

    static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();

    private final JsonObject json;

    private RunCard(JsonObject json) {
        this.json = json;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads a card back from its JSON. */
    public static RunCard fromJson(String text) {
        try {
            return new RunCard(JsonParser.parseString(text).getAsJsonObject());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a run card (expected a JSON object): " + e.getMessage(), e);
        }
    }

    /** The card as JSON: a copy, so that changing it changes nothing here. */
    public JsonObject json() {
        return json.deepCopy();
    }

    public String toJson() {
        return GSON.toJson(json);
    }

    /** The seed, or null when none was recorded. */
    public Long seed() {
        return json.has("seed") ? json.get("seed").getAsLong() : null;
    }

    /** The metrics of the model as saved (the History's {@link History#modelEpoch()}, plus those added with metric(...)), e.g. loss, val_accuracy. */
    public Map<String, Double> finalMetrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (json.has("final_metrics")) {
            json.getAsJsonObject("final_metrics").entrySet().forEach(e -> metrics.put(e.getKey(), e.getValue().getAsDouble()));
        }
        return metrics;
    }

    /** The epoch whose weights the model holds (see {@link History#modelEpoch()}), or null when the card has no training section. */
    public Integer modelEpoch() {
        String epoch = field("training", "model_epoch");
        return epoch == null ? null : Integer.valueOf(epoch);
    }

    /** The values of the History's {@link History#modelEpoch()}, all but its time and speed columns; empty for an empty History. */
    static Map<String, Double> finalMetricsOf(History history) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (history.rowCount() > 0) {
            history.modelEpochValues().values().forEach((column, value) -> {
                if (!column.equals(History.SECONDS) && !column.equals(History.SAMPLES_PER_SECOND)) {
                    metrics.put(column, value);
                }
            });
        }
        return metrics;
    }

    /** A string field of a section, e.g. {@code field("data", "hash")}, or null when absent. */
    public String field(String section, String key) {
        JsonElement value = json.has(section) && json.get(section).isJsonObject() ? json.getAsJsonObject(section).get(key) : null;
        return value == null || value.isJsonNull() ? null : value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }

    /** The card as Markdown for people: every section but the model's full configuration, which stays in the JSON. */
    public String toMarkdown(String title) {
        StringBuilder text = new StringBuilder("# Run card: ").append(title).append("\n\n");
        json.entrySet().stream().filter(field -> !field.getValue().isJsonObject())
                .forEach(field -> text.append(bullet(field.getKey(), field.getValue())));
        for (Map.Entry<String, JsonElement> section : json.entrySet()) {
            if (section.getValue().isJsonObject()) {
                text.append("\n## ").append(section.getKey().replace('_', ' ')).append("\n\n");
                section.getValue().getAsJsonObject().entrySet().stream()
                        .filter(e -> !e.getKey().equals("configuration"))
                        .forEach(e -> text.append(bullet(e.getKey(), e.getValue())));
            }
        }
        return text.toString();
    }

    private static String bullet(String key, JsonElement value) {
        return "- " + key.replace('_', ' ') + ": " + (value.isJsonPrimitive() ? value.getAsString() : value.toString()) + "\n";
    }

    /** Collects the card's sections; {@link #build()} adds the versions and the runtime. */
    public static final class Builder {

        private final JsonObject json = new JsonObject();

        private Builder() {
            json.addProperty("created", Instant.now().toString());
        }

        public Builder seed(long seed) {
            json.addProperty("seed", seed);
            return this;
        }

        /** The training data: a description for people, and its size and hash to compare runs by. */
        public Builder data(String description, LabeledDataset data) {
            JsonObject section = new JsonObject();
            section.addProperty("description", description);
            section.addProperty("examples", data.size());
            section.addProperty("hash", DataHash.of(data));
            json.add("data", section);
            return this;
        }

        /** The model: its type, parameter count and DL4J's own JSON of its configuration. */
        public Builder model(MultiLayerNetwork net) {
            JsonObject section = new JsonObject();
            section.addProperty("type", net.getClass().getSimpleName());
            section.addProperty("layers", net.getnLayers());
            section.addProperty("parameters", net.numParams());
            section.add("configuration", JsonParser.parseString(net.getLayerWiseConfigurations().toJson()));
            json.add("model", section);
            return this;
        }

        /**
         * From the History: the epochs trained, the epoch whose weights the model holds (an earlier one
         * when EarlyStopping restored the best weights), training time, why training stopped early, and
         * that epoch's metrics as the final ones.
         */
        public Builder history(History history) {
            JsonObject training = new JsonObject();
            training.addProperty("epochs", history.rowCount());
            training.addProperty("model_epoch", history.modelEpoch());
            training.addProperty("seconds", history.rowCount() == 0 ? 0 : history.numberColumn(History.SECONDS).sum());
            history.stopReason().ifPresent(reason -> training.addProperty("stop_reason", reason));
            json.add("training", training);
            JsonObject metrics = new JsonObject();
            finalMetricsOf(history).forEach(metrics::addProperty);
            json.add("final_metrics", metrics);
            return this;
        }

        /** Metrics measured after training, e.g. on the test set; added to the final metrics. */
        public Builder metric(String name, double value) {
            section("final_metrics").addProperty(name, value);
            return this;
        }

        public Builder determinism(DeterminismCheck.Result result) {
            JsonObject section = new JsonObject();
            section.addProperty("identical_weights", result.identical());
            section.addProperty("max_difference", result.maxDifference());
            section.addProperty("batches", result.batches());
            section.addProperty("batch_size", result.batchSize());
            section.addProperty("seed", result.seed());
            json.add("determinism", section);
            return this;
        }

        /** Anything else worth keeping with the run, e.g. its purpose. */
        public Builder note(String key, String value) {
            section("notes").addProperty(key, value);
            return this;
        }

        /** The section {@code name}, added empty when the card has none yet. */
        private JsonObject section(String name) {
            if (!json.has(name)) {
                json.add(name, new JsonObject());
            }
            return json.getAsJsonObject(name);
        }

        public RunCard build() {
            JsonObject card = json.deepCopy();
            card.add("versions", versions());
            card.add("runtime", runtime());
            return new RunCard(card);
        }

        private static JsonObject versions() {
            JsonObject versions = new JsonObject();
            Properties built = new Properties();
            try (InputStream in = RunCard.class.getResourceAsStream("versions.properties")) {
                if (in != null) {
                    built.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            built.stringPropertyNames().stream().sorted().forEach(name -> versions.addProperty(name, built.getProperty(name)));
            versions.addProperty("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
            versions.addProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
            return versions;
        }

        private static JsonObject runtime() {
            JsonObject runtime = new JsonObject();
            Table description = WorkbenchRuntime.describe().table();
            for (Row row : description) {
                runtime.addProperty(row.getString("property"), row.getString("value"));
            }
            return runtime;
        }
    }
}
