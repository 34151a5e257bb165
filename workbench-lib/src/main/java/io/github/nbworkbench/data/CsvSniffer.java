package io.github.nbworkbench.data;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Works out a CSV file's {@link CsvLayout} from its first lines, for the parts the user left open.
 *
 * <ul>
 *   <li>Delimiter: the first of {@code , tab ; | space} that splits the lines below the first two
 *       into the same number (more than one) of fields.
 *   <li>The data's shape: that field count, and which columns hold only numbers there.
 *   <li>Lines skipped: from the top, lines that are neither data (same field count, numbers in the
 *       numeric columns, at least half the fields filled) nor a header (same field count, all
 *       fields filled, none a number), such as scikit-learn's "150,4,setosa,versicolor,virginica"
 *       title line.
 *   <li>Header: the line before the data is a header when it has text in a column whose values are
 *       numbers. A file without any numeric column is taken to have a header.
 * </ul>
 */
final class CsvSniffer {

    private static final char[] DELIMITERS = {',', '\t', ';', '|', ' '};
    private static final int MAX_SKIPPED = 5;
    private static final Set<String> MISSING = Set.of("", "NA", "N/A", "NaN", "null", "?", "*", "-");

    private final List<String> lines;
    private final List<String> filledLines;

    private CsvSniffer(List<String> lines) {
        this.lines = lines;
        this.filledLines = lines.stream().filter(line -> !line.isBlank()).toList();
    }

    /**
     * The layout of a file whose first lines (after {@code skipLines}, when given) are {@code sample};
     * null arguments are detected.
     */
    static CsvLayout layout(List<String> sample, Integer skipLines, Boolean header, Character delimiter) {
        return new CsvSniffer(sample).layout(skipLines, header, delimiter);
    }

    private CsvLayout layout(Integer givenSkip, Boolean givenHeader, Character givenDelimiter) {
        if (filledLines.isEmpty()) {
            return new CsvLayout(givenSkip == null ? 0 : givenSkip, givenHeader == null || givenHeader,
                    givenDelimiter == null ? ',' : givenDelimiter, false, givenHeader == null, givenDelimiter == null);
        }
        char delimiter = givenDelimiter != null ? givenDelimiter : detectDelimiter();
        List<String[]> rows = lines.stream().map(splitter(delimiter)).toList();
        List<String[]> body = body(filledLines.stream().map(splitter(delimiter)).toList());
        int width = mostCommonWidth(body);
        boolean[] numeric = numericColumns(body, width);
        boolean anyNumeric = false;
        for (boolean n : numeric) {
            anyNumeric |= n;
        }
        int start = 0;
        if (givenSkip == null && anyNumeric) {
            while (start < Math.min(MAX_SKIPPED, rows.size() - 1) && !isData(rows.get(start), width, numeric)
                    && !isHeader(rows.get(start), width)) {
                start++;
            }
            if (!isData(rows.get(start), width, numeric) && !isHeader(rows.get(start), width)) {
                start = 0; // no table found within the first lines: skip nothing, so that errors show line 1
            }
        }
        boolean header = givenHeader != null ? givenHeader : !anyNumeric || isHeader(rows.get(start), width);
        int skip = givenSkip != null ? givenSkip : start;
        return new CsvLayout(skip, header, delimiter, givenSkip == null && skip > 0, givenHeader == null, givenDelimiter == null);
    }

    private char detectDelimiter() {
        for (char candidate : DELIMITERS) {
            List<String[]> body = body(filledLines.stream().map(splitter(candidate)).toList());
            int width = body.get(0).length;
            if (width > 1 && body.stream().allMatch(row -> row.length == width)) {
                return candidate;
            }
        }
        return ',';
    }

    /** The lines below the first two, which may be titles or a header; all lines when there are few. */
    private static List<String[]> body(List<String[]> rows) {
        return rows.size() > 3 ? rows.subList(2, rows.size()) : rows.subList(rows.size() - 1, rows.size());
    }

    private static int mostCommonWidth(List<String[]> body) {
        Map<Integer, Long> counts = body.stream().collect(Collectors.groupingBy(row -> row.length, Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static boolean[] numericColumns(List<String[]> body, int width) {
        boolean[] numeric = new boolean[width];
        boolean[] seen = new boolean[width];
        Arrays.fill(numeric, true);
        for (String[] row : body) {
            if (row.length != width) {
                continue;
            }
            for (int c = 0; c < width; c++) {
                if (!isMissing(row[c])) {
                    seen[c] = true;
                    numeric[c] &= isNumber(row[c]);
                }
            }
        }
        for (int c = 0; c < width; c++) {
            numeric[c] &= seen[c];
        }
        return numeric;
    }

    private static boolean isData(String[] row, int width, boolean[] numeric) {
        if (row.length != width) {
            return false;
        }
        int filled = 0;
        for (int c = 0; c < width; c++) {
            if (!isMissing(row[c])) {
                filled++;
                if (numeric[c] && !isNumber(row[c])) {
                    return false;
                }
            }
        }
        return 2 * filled >= width;
    }

    private static boolean isHeader(String[] row, int width) {
        return row.length == width && Arrays.stream(row).noneMatch(field -> isMissing(field) || isNumber(field));
    }

    static boolean isMissing(String field) {
        return field == null || MISSING.contains(field.strip());
    }

    static boolean isNumber(String field) {
        try {
            Double.parseDouble(field.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The most columns a file may have, for the sniffer and for Tablesaw's reader alike: univocity's
     * own default of 512 refused a CSV of 28x28 images (785 columns) while detecting its layout.
     */
    static final int MAX_COLUMNS = 10_000;

    /** Splits one line into fields at {@code delimiter}, keeping quoted delimiters. */
    static Function<String, String[]> splitter(char delimiter) {
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setDelimiter(delimiter);
        settings.setMaxColumns(MAX_COLUMNS);
        settings.setNullValue("");
        CsvParser parser = new CsvParser(settings);
        return line -> {
            String[] fields = parser.parseLine(line);
            return fields == null ? new String[0] : fields;
        };
    }
}
