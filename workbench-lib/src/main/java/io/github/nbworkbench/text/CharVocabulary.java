package io.github.nbworkbench.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Characters (Unicode code points) as ids for a character-level language model: id 0 is the
 * unknown character, shown as {@value #UNKNOWN_TEXT}; the others are the text's characters in code
 * point order, so the same text always gives the same ids.
 *
 * <pre>{@code
 * CharVocabulary vocabulary = CharVocabulary.of(corpus.text());     // every character of the text
 * CharVocabulary vocabulary = CharVocabulary.of(corpus.text(), 5);  // characters seen 5+ times; rarer ones are unknown
 * }</pre>
 */
public final class CharVocabulary implements Vocabulary {

    /** How the unknown id decodes: U+FFFD, the replacement character. */
    public static final String UNKNOWN_TEXT = "\uFFFD";

    static final String HEADER = "nbworkbench-vocabulary characters 1";

    private final int[] codePoints;
    private final Map<Integer, Integer> ids = new HashMap<>();

    private CharVocabulary(int[] codePoints) {
        this.codePoints = codePoints;
        for (int i = 1; i < codePoints.length; i++) {
            ids.put(codePoints[i], i);
        }
    }

    /** Every character that occurs in {@code text}. */
    public static CharVocabulary of(String text) {
        return of(text, 1);
    }

    /**
     * The characters that occur at least {@code minCount} times in {@code text}; rarer ones map to
     * the unknown id.
     *
     * @throws IllegalArgumentException for an empty text or a {@code minCount} below 1
     */
    public static CharVocabulary of(String text, int minCount) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("Cannot build a vocabulary from an empty text; load a corpus with some text first");
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be 1 or more, got " + minCount);
        }
        Map<Integer, Integer> counts = new TreeMap<>();
        text.codePoints().forEach(cp -> counts.merge(cp, 1, Integer::sum));
        int[] kept = counts.entrySet().stream().filter(e -> e.getValue() >= minCount).mapToInt(Map.Entry::getKey).toArray();
        if (kept.length == 0) {
            throw new IllegalArgumentException("No character occurs " + minCount + " times in the text (" + text.length()
                    + " characters); lower minCount");
        }
        int[] codePoints = new int[kept.length + 1];
        codePoints[0] = UNKNOWN_TEXT.codePointAt(0);
        System.arraycopy(kept, 0, codePoints, 1, kept.length);
        return new CharVocabulary(codePoints);
    }

    @Override
    public int size() {
        return codePoints.length;
    }

    /** The id of {@code codePoint}, or {@link #UNKNOWN_ID}. */
    public int id(int codePoint) {
        return ids.getOrDefault(codePoint, UNKNOWN_ID);
    }

    /** True when {@code codePoint} has its own id. */
    public boolean contains(int codePoint) {
        return ids.containsKey(codePoint);
    }

    @Override
    public int[] encode(String text) {
        return text.codePoints().map(this::id).toArray();
    }

    @Override
    public String decode(int... idsToDecode) {
        StringBuilder text = new StringBuilder(idsToDecode.length);
        for (int id : idsToDecode) {
            text.appendCodePoint(codePoints[checkedId(id)]);
        }
        return text.toString();
    }

    @Override
    public String token(int id) {
        return Character.toString(codePoints[checkedId(id)]);
    }

    /** The known characters in id order (id 1 first), without the unknown one. */
    public List<String> characters() {
        return Arrays.stream(codePoints, 1, codePoints.length).mapToObj(Character::toString).toList();
    }

    @Override
    public List<String> unknownTokens(String text) {
        Set<String> unknown = new LinkedHashSet<>();
        text.codePoints().filter(cp -> !contains(cp)).forEach(cp -> unknown.add(Character.toString(cp)));
        return new ArrayList<>(unknown);
    }

    @Override
    public void write(OutputStream out) throws IOException {
        TokenFile.write(out, HEADER, characters());
    }

    static CharVocabulary readBody(BufferedReader reader) throws IOException {
        List<String> characters = TokenFile.read(reader);
        int[] codePoints = new int[characters.size() + 1];
        codePoints[0] = UNKNOWN_TEXT.codePointAt(0);
        for (int i = 0; i < characters.size(); i++) {
            String character = characters.get(i);
            if (character.codePointCount(0, character.length()) != 1) {
                throw new IllegalArgumentException("The vocabulary file is damaged: entry " + i + " is not one character");
            }
            codePoints[i + 1] = character.codePointAt(0);
        }
        return new CharVocabulary(codePoints);
    }

    private int checkedId(int id) {
        if (id < 0 || id >= codePoints.length) {
            throw new IllegalArgumentException("Id " + id + " is outside this vocabulary of " + codePoints.length + " characters (0.."
                    + (codePoints.length - 1) + ")");
        }
        return id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CharVocabulary that && Arrays.equals(codePoints, that.codePoints);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(codePoints);
    }

    @Override
    public String toString() {
        return "CharVocabulary of " + size() + " ids (" + (size() - 1) + " characters + unknown)";
    }
}
