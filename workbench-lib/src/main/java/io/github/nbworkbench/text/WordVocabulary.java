package io.github.nbworkbench.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words as ids, for a word-level language model: the text is split into words (letters, with
 * apostrophes inside), numbers, single punctuation marks and line breaks; the {@code maxTokens} most
 * frequent become ids 1.. in order of frequency, and every other token maps to id 0,
 * {@value #UNKNOWN_TEXT}. Case is kept: "The" and "the" are two tokens.
 *
 * <pre>{@code
 * WordVocabulary words = WordVocabulary.of(corpus.text(), 10_000);
 * }</pre>
 */
public final class WordVocabulary implements Vocabulary {

    /** How the unknown id decodes. */
    public static final String UNKNOWN_TEXT = "<unk>";

    static final String HEADER = "nbworkbench-vocabulary words 1";

    private static final Pattern TOKEN = Pattern.compile("\\p{L}+(?:['’]\\p{L}+)*|\\p{N}+(?:[.,]\\p{N}+)*|\\n|\\S");
    private static final Set<String> NO_SPACE_BEFORE = Set.of(".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "”", "’", "\n");
    private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", "{", "“", "$", "\n");

    private final List<String> tokens;
    private final Map<String, Integer> ids = new HashMap<>();

    private WordVocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        for (int i = 1; i < tokens.size(); i++) {
            ids.put(tokens.get(i), i);
        }
    }

    /**
     * The {@code maxTokens} most frequent tokens of {@code text} (ties in alphabetical order).
     *
     * @throws IllegalArgumentException for a text without tokens or a {@code maxTokens} below 1
     */
    public static WordVocabulary of(String text, int maxTokens) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be 1 or more, got " + maxTokens);
        }
        Map<String, Integer> counts = new HashMap<>();
        tokenize(text == null ? "" : text).forEach(token -> counts.merge(token, 1, Integer::sum));
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("Cannot build a word vocabulary: the text has no words; load a corpus with some text first");
        }
        List<String> tokens = new ArrayList<>();
        tokens.add(UNKNOWN_TEXT);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(maxTokens)
                .forEach(entry -> tokens.add(entry.getKey()));
        return new WordVocabulary(tokens);
    }

    /** {@code text} split the way this vocabulary splits it: words, numbers, punctuation marks and line breaks. */
    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    @Override
    public int size() {
        return tokens.size();
    }

    @Override
    public int[] encode(String text) {
        return tokenize(text).stream().mapToInt(token -> ids.getOrDefault(token, UNKNOWN_ID)).toArray();
    }

    /** Tokens joined with spaces, except before closing punctuation, after opening brackets and around line breaks. */
    @Override
    public String decode(int... idsToDecode) {
        StringBuilder text = new StringBuilder();
        String previous = "\n";
        for (int id : idsToDecode) {
            String token = token(id);
            if (!NO_SPACE_AFTER.contains(previous) && !NO_SPACE_BEFORE.contains(token)) {
                text.append(' ');
            }
            text.append(token);
            previous = token;
        }
        return text.toString();
    }

    @Override
    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException("Id " + id + " is outside this vocabulary of " + tokens.size() + " tokens (0.."
                    + (tokens.size() - 1) + ")");
        }
        return tokens.get(id);
    }

    /** The known tokens in id order (most frequent first), without the unknown one. */
    public List<String> tokens() {
        return tokens.subList(1, tokens.size());
    }

    @Override
    public List<String> unknownTokens(String text) {
        Set<String> unknown = new LinkedHashSet<>();
        tokenize(text).stream().filter(token -> !ids.containsKey(token)).forEach(unknown::add);
        return new ArrayList<>(unknown);
    }

    @Override
    public void write(OutputStream out) throws IOException {
        TokenFile.write(out, HEADER, tokens());
    }

    static WordVocabulary readBody(BufferedReader reader) throws IOException {
        List<String> tokens = new ArrayList<>();
        tokens.add(UNKNOWN_TEXT);
        tokens.addAll(TokenFile.read(reader));
        return new WordVocabulary(tokens);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WordVocabulary that && tokens.equals(that.tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    @Override
    public String toString() {
        return "WordVocabulary of " + size() + " ids (" + (size() - 1) + " tokens + unknown)";
    }
}
