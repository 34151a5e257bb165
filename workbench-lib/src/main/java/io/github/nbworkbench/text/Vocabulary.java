package io.github.nbworkbench.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The tokens a language model knows, each with an id from 0 to {@link #size()} - 1. Id
 * {@value #UNKNOWN_ID} stands for every token outside the vocabulary: {@link #encode} maps them to
 * it, so training text never fails on a rare character, and {@link #unknownTokens} finds them
 * where that would be a mistake (a prompt).
 */
public sealed interface Vocabulary permits CharVocabulary, WordVocabulary {

    /** The id of tokens outside the vocabulary. */
    int UNKNOWN_ID = 0;

    /** The number of ids, the unknown one included: the width of the model's input and output. */
    int size();

    /** The ids of {@code text}'s tokens; tokens outside the vocabulary become {@link #UNKNOWN_ID}. */
    int[] encode(String text);

    /** The text of these ids. */
    String decode(int... ids);

    /** The text of one id. */
    String token(int id);

    /** The distinct tokens of {@code text} that are not in the vocabulary, in order of first appearance. */
    List<String> unknownTokens(String text);

    /** Writes the vocabulary in a small UTF-8 text format that {@link #read} reads back. */
    void write(OutputStream out) throws IOException;

    /**
     * Reads a vocabulary written by {@link #write}.
     *
     * @throws IllegalArgumentException when the stream is not a vocabulary or is cut short
     */
    static Vocabulary read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (CharVocabulary.HEADER.equals(header)) {
            return CharVocabulary.readBody(reader);
        }
        if (WordVocabulary.HEADER.equals(header)) {
            return WordVocabulary.readBody(reader);
        }
        throw new IllegalArgumentException("Not a workbench vocabulary: the first line is '" + header + "', expected '"
                + CharVocabulary.HEADER + "' or '" + WordVocabulary.HEADER + "'");
    }
}
