package io.github.nbworkbench.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * How to load a CSV file, from {@link TabularData#csv(Path)}; ends with {@link #load()}. What is
 * not set is detected from the first lines (see {@link TabularData#load(Path)}):
 *
 * <pre>{@code
 * TabularData table = TabularData.csv(Path.of("scores.tsv")).delimiter('\t').header(false).load();
 * TabularData iris = TabularData.csv(Path.of("iris.csv")).skipLines(1).header(false).load();
 * }</pre>
 */
public final class CsvOptions {

    private static final int SAMPLE_LINES = 100;
    private static final int SAMPLE_CHARS = 1 << 19;

    private final Path file;
    private Integer skipLines;
    private Boolean header;
    private Character delimiter;

    CsvOptions(Path file) {
        this.file = file;
    }

    /** Lines to skip before the table (a title, a count line); no line is then skipped by detection. */
    public CsvOptions skipLines(int lines) {
        if (lines < 0) {
            throw new IllegalArgumentException("skipLines takes 0 or more lines, got " + lines);
        }
        this.skipLines = lines;
        return this;
    }

    /** Whether the table's first line names the columns; without a header the columns are named C0, C1, ... */
    public CsvOptions header(boolean header) {
        this.header = header;
        return this;
    }

    /** The field delimiter, e.g. {@code ';'} or {@code '\t'}. */
    public CsvOptions delimiter(char delimiter) {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("a delimiter cannot be a quote or a line break, got " + CsvLayout.name(delimiter));
        }
        this.delimiter = delimiter;
        return this;
    }

    /**
     * Loads the file (gzipped or not) with Tablesaw, which guesses each column's type.
     *
     * @throws DataNotFoundException naming the path when the file is missing
     * @throws IllegalArgumentException when the file is not a text table, has no data rows, or a row
     *     has another number of fields than the header (naming the line)
     */
    public TabularData load() {
        CsvLayout layout;
        try (BufferedReader reader = TextFiles.open(file)) {
            layout = CsvSniffer.layout(sample(reader), skipLines, header, delimiter);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Table table = readTable(layout);
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException(file + " has no data rows (read with " + layout.describe() + ")");
        }
        return TabularData.of(table, file.getFileName().toString(), layout);
    }

    private List<String> sample(BufferedReader reader) throws IOException {
        for (int i = 0; skipLines != null && i < skipLines; i++) {
            reader.readLine();
        }
        List<String> lines = new ArrayList<>();
        int chars = 0;
        for (String line; lines.size() < SAMPLE_LINES && chars < SAMPLE_CHARS && (line = reader.readLine()) != null; ) {
            if (line.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(file + " is not a text file (it holds zero bytes): a CSV file is text,"
                        + " one row per line; gzipped CSV is read too");
            }
            lines.add(line);
            chars += line.length() + 1;
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty" + (skipLines == null ? "" : " after skipping " + skipLines + " lines"));
        }
        return lines;
    }

    private Table readTable(CsvLayout layout) {
        try (BufferedReader reader = TextFiles.open(file)) {
            for (int i = 0; i < layout.skipLines(); i++) {
                reader.readLine();
            }
            return Table.read().csv(CsvReadOptions.builder(reader)
                    .tableName(file.getFileName().toString())
                    .separator(layout.delimiter())
                    .header(layout.header())
                    .maxNumberOfColumns(CsvSniffer.MAX_COLUMNS)
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (hasCause(e, IndexOutOfBoundsException.class)) {
                throw raggedLine(layout, e);
            }
            throw new IllegalArgumentException("cannot read " + file + " as CSV (" + layout.describe() + "): " + e.getMessage(), e);
        }
    }

    /** Names the first line whose field count differs from the first row's. */
    private RuntimeException raggedLine(CsvLayout layout, RuntimeException cause) {
        Function<String, String[]> split = CsvSniffer.splitter(layout.delimiter());
        try (BufferedReader reader = TextFiles.open(file)) {
            int lineNumber = 0;
            int width = -1;
            int firstLine = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                if (lineNumber <= layout.skipLines() || line.isBlank()) {
                    continue;
                }
                int fields = split.apply(line).length;
                if (width < 0) {
                    width = fields;
                    firstLine = lineNumber;
                } else if (fields != width) {
                    return new IllegalArgumentException(file + " line " + lineNumber + " has " + fields + " fields, but line " + firstLine
                            + (layout.header() ? " (the header)" : " (the first row)") + " has " + width + ": \"" + shorten(line)
                            + "\". Fix that line (a missing or extra " + CsvLayout.name(layout.delimiter())
                            + ", or a value holding one without quotes), or read with other options: TabularData.csv(path)"
                            + ".delimiter(...).skipLines(...). Read with " + layout.describe() + ".", cause);
                }
            }
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
        return new IllegalArgumentException("cannot read " + file + " as CSV (" + layout.describe() + "): " + cause.getMessage(), cause);
    }

    private static String shorten(String line) {
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
