package io.github.nbworkbench.tune;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import io.github.nbworkbench.files.AtomicFiles;
import io.github.nbworkbench.results.RunCard;
import io.github.nbworkbench.train.History;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A search's finished trials in a folder, one JSON file per trial (and its History as CSV and its
 * run card), each
 * written atomically as the trial ends: a search stopped by the user, a kernel restart or a crash
 * reads them back and goes on from there.
 */
public final class TrialLog {

    private static final Pattern TRIAL_FILE = Pattern.compile("trial-(\\d{4,})\\.json");
    private static final Gson GSON = new Gson();
    private static final String SETTINGS_FILE = "search.json";
    private static final Type SETTINGS_TYPE = new TypeToken<LinkedHashMap<String, String>>() { }.getType();

    private final Path folder;
    private final SearchSpace space;

    private TrialLog(Path folder, SearchSpace space) {
        this.folder = folder;
        this.space = space;
    }

    /** The log in {@code folder} (created on the first record) of a search over {@code space}. */
    public static TrialLog of(Path folder, SearchSpace space) {
        return new TrialLog(folder, space);
    }

    /** Writes {@code trial} and, if it trained, its {@code history} (null for a failed trial). */
    public void record(Trial trial, History history) {
        record(trial, history, null);
    }

    /**
     * Writes {@code trial} and, if it trained, its {@code history} and run card (each may be null);
     * the trial's own file last, so that a trial read back always has the others beside it.
     */
    public void record(Trial trial, History history, RunCard card) {
        try {
            Files.createDirectories(folder);
            if (history != null) {
                history.save(folder.resolve(name(trial.number()) + "-history.csv"));
            }
            if (card != null) {
                byte[] cardBytes = card.toJson().getBytes(StandardCharsets.UTF_8);
                AtomicFiles.write(folder.resolve(name(trial.number()) + "-run_card.json"), out -> out.write(cardBytes));
            }
            JsonObject json = new JsonObject();
            json.addProperty("number", trial.number());
            json.add("params", GSON.toJsonTree(trial.params().values()));
            json.addProperty("objective", Double.isNaN(trial.objective()) ? null : trial.objective());
            json.addProperty("epochs", trial.epochs());
            json.addProperty("seconds", trial.seconds());
            json.addProperty("outcome", trial.outcome().name());
            json.addProperty("reason", trial.reason());
            byte[] bytes = GSON.toJson(json).getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(folder.resolve(name(trial.number()) + ".json"), out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not record trial " + trial.number() + " in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The recorded trials by number; none when the folder does not exist yet. */
    public List<Trial> trials() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Trial> trials = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                Matcher matcher = TRIAL_FILE.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    trials.add(read(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the trials in " + folder + ": " + e.getMessage(), e);
        }
        return trials;
    }

    /** The run card recorded with trial {@code number}, if it trained. */
    public Optional<RunCard> runCard(int number) {
        Path file = folder.resolve(name(number) + "-run_card.json");
        try {
            return Files.exists(file) ? Optional.of(RunCard.fromJson(Files.readString(file))) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The History recorded with trial {@code number}, if it trained. */
    public Optional<History> history(int number) {
        Path file = folder.resolve(name(number) + "-history.csv");
        return Files.exists(file) ? Optional.of(History.load(file)) : Optional.empty();
    }

    /**
     * Writes the search's settings on its first call and compares them on later ones: a folder
     * resumes only the search it was written by.
     *
     * @throws IllegalArgumentException naming each setting that differs
     */
    void claim(Map<String, String> settings) {
        Path file = folder.resolve(SETTINGS_FILE);
        try {
            if (Files.exists(file)) {
                Map<String, String> recorded = GSON.fromJson(Files.readString(file), SETTINGS_TYPE);
                List<String> differences = settings.keySet().stream().filter(key -> !settings.get(key).equals(recorded.get(key)))
                        .map(key -> key + " was " + recorded.get(key) + ", now " + settings.get(key)).toList();
                if (!differences.isEmpty()) {
                    throw new IllegalArgumentException(folder + " holds another search (" + String.join("; ", differences)
                            + "): give this search a folder of its own, or the settings of the one it resumes");
                }
                return;
            }
            Files.createDirectories(folder);
            byte[] bytes = GSON.toJson(settings).getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(file, out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the search's settings to " + file + ": " + e.getMessage(), e);
        }
    }

    private Trial read(Path file) throws IOException {
        try {
            JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            return new Trial(json.get("number").getAsInt(),
                    space.paramsFromJson(json.getAsJsonObject("params")),
                    present(json, "objective") ? json.get("objective").getAsDouble() : Double.NaN,
                    json.get("epochs").getAsInt(),
                    json.get("seconds").getAsDouble(),
                    Trial.Outcome.valueOf(json.get("outcome").getAsString()),
                    present(json, "reason") ? json.get("reason").getAsString() : null);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a trial of this search (" + e.getMessage() + "): "
                    + "give the search a folder of its own", e);
        }
    }

    /** Gson leaves out null values: a failed trial's objective, a completed trial's reason. */
    private static boolean present(JsonObject json, String name) {
        return json.has(name) && !json.get(name).isJsonNull();
    }

    private static String name(int number) {
        return String.format(Locale.ROOT, "trial-%04d", number);
    }
}
