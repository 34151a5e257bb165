package io.github.nbworkbench.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A named text to train a language model on. Load one with {@link StateOfTheUnion}, {@link
 * KingJamesBible} or {@link #load}; look at it with {@link #characterCounts()} and {@link
 * #characterEntropy()}.
 */
public final class Corpus {

    private final String name;
    private final String text;

    private Corpus(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** A corpus of {@code text}; the name is for tables and titles. */
    public static Corpus of(String name, String text) {
        return new Corpus(Objects.requireNonNull(name, "name"), Objects.requireNonNull(text, "text"));
    }

    /**
     * The UTF-8 text file {@code file}.
     *
     * @throws IllegalArgumentException when the file is missing, empty or not UTF-8 (the message says
     *     where the first bad byte is and how to convert the file)
     */
    public static Corpus load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("No text file at " + file.toAbsolutePath() + "; check the path");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException("The text file " + file.toAbsolutePath() + " is empty");
        }
        return new Corpus(file.getFileName().toString(), decodeUtf8(bytes, file));
    }

    private static String decodeUtf8(byte[] bytes, Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(buffer).toString();
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(file.toAbsolutePath() + " is not UTF-8 text: invalid bytes at byte offset "
                    + buffer.position() + ". Convert it first, e.g. iconv -f latin1 -t utf-8 in.txt > out.txt");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file.toAbsolutePath() + " is not UTF-8 text: " + e.getMessage());
        }
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** The number of characters (UTF-16 chars, as {@link String#length()} counts them). */
    public int length() {
        return text.length();
    }

    /** The first {@code characters} characters, for quick runs; the whole corpus when it is shorter. */
    public Corpus head(int characters) {
        if (characters < 0) {
            throw new IllegalArgumentException("characters must be 0 or more, got " + characters);
        }
        if (characters >= text.length()) {
            return this;
        }
        int end = Character.isHighSurrogate(text.charAt(characters - 1)) ? characters - 1 : characters;
        return new Corpus(name + " (first " + end + " characters)", text.substring(0, end));
    }

    /**
     * Each distinct character with its count and share, most frequent first: columns character (as
     * printed, with line breaks and tabs spelled out), code_point ("U+0041"), count, share.
     */
    public Table characterCounts() {
        Map<Integer, Integer> counts = new TreeMap<>();
        text.codePoints().forEach(cp -> counts.merge(cp, 1, Integer::sum));
        StringColumn character = StringColumn.create("character");
        StringColumn codePoint = StringColumn.create("code_point");
        IntColumn count = IntColumn.create("count");
        DoubleColumn share = DoubleColumn.create("share");
        long total = counts.values().stream().mapToLong(Integer::longValue).sum();
        counts.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> {
                    character.append(printable(entry.getKey()));
                    codePoint.append(String.format(Locale.ROOT, "U+%04X", entry.getKey()));
                    count.append(entry.getValue());
                    share.append((double) entry.getValue() / total);
                });
        return Table.create(name + ": characters", character, codePoint, count, share);
    }

    /**
     * The entropy of the character frequencies, in bits per character: what a model that knows how
     * often each character occurs, and nothing about their order, needs on average to encode one. A
     * language model's bits per character below it is what the model learned from the context.
     *
     * <pre>{@code
     * Corpus.of("coin", "abab").characterEntropy();   // 1.0
     * }</pre>
     */
    public double characterEntropy() {
        Map<Integer, Long> counts = text.codePoints().boxed().collect(Collectors.groupingBy(cp -> cp, Collectors.counting()));
        double total = counts.values().stream().mapToLong(Long::longValue).sum();
        return counts.values().stream().mapToDouble(count -> count / total).map(p -> -p * Math.log(p) / Math.log(2)).sum();
    }

    private static String printable(int codePoint) {
        return switch (codePoint) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case ' ' -> "space";
            default -> Character.isISOControl(codePoint) ? String.format(Locale.ROOT, "\\u%04X", codePoint) : Character.toString(codePoint);
        };
    }

    @Override
    public String toString() {
        return name + ": " + String.format(Locale.ROOT, "%,d", text.length()) + " characters";
    }
}
