package io.github.nbworkbench.text;

import io.github.nbworkbench.data.Shuffling;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A text cut into windows for next-token prediction: each window holds {@code length} input tokens
 * and, shifted by one, the {@code length} tokens to predict. Windows start every {@code stride}
 * tokens ({@code stride == length}: no overlap).
 *
 * <pre>{@code
 * TextSequences sequences = TextSequences.of(corpus.text(), vocabulary).length(100).stride(100);
 * TextSequences.Split split = sequences.split(0.1, 42);
 * DataSetIterator train = split.train().batchSize(64).shuffle(42).iterator();
 * DataSetIterator validation = split.validation().batchSize(64).iterator();
 * }</pre>
 *
 * <p>Windows may be longer than the model's truncated-BPTT length: DL4J then trains each window in
 * segments of that length, carrying the state across them.
 */
public final class TextSequences {

    /** The sequence length when none is set. */
    public static final int DEFAULT_LENGTH = 64;

    private final int[] ids;
    private final int vocabularySize;
    private final int length;
    private final int stride;
    /** Where each window may start, as [from, to) ranges of the id array that windows must not cross. */
    private final List<int[]> regions;

    private TextSequences(int[] ids, int vocabularySize, int length, int stride, List<int[]> regions) {
        this.ids = ids;
        this.vocabularySize = vocabularySize;
        this.length = length;
        this.stride = stride;
        this.regions = regions;
    }

    /**
     * {@code text} encoded with {@code vocabulary}, in windows of {@value #DEFAULT_LENGTH} tokens.
     *
     * @throws IllegalArgumentException when the text has fewer than two tokens
     */
    public static TextSequences of(String text, Vocabulary vocabulary) {
        Objects.requireNonNull(text, "text");
        return of(vocabulary.encode(text), vocabulary.size());
    }

    /** Token ids in {@code [0, vocabularySize)}, in windows of {@value #DEFAULT_LENGTH} tokens. */
    public static TextSequences of(int[] ids, int vocabularySize) {
        if (ids.length < 2) {
            throw new IllegalArgumentException("The text has " + ids.length + " token" + (ids.length == 1 ? "" : "s")
                    + "; next-token prediction needs at least 2 (load more text)");
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= vocabularySize) {
                throw new IllegalArgumentException("Token " + i + " has id " + ids[i] + ", outside the vocabulary's 0.." + (vocabularySize - 1));
            }
        }
        int length = Math.min(DEFAULT_LENGTH, ids.length - 1);
        return new TextSequences(ids, vocabularySize, length, length, List.of(new int[] {0, ids.length}));
    }

    /**
     * Windows of {@code length} tokens; the stride follows unless set after this.
     *
     * @throws IllegalArgumentException when no window of that length fits in the text
     */
    public TextSequences length(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("The sequence length must be 1 or more, got " + length);
        }
        int longestRegion = regions.stream().mapToInt(r -> r[1] - r[0]).max().orElse(0);
        if (length + 1 > longestRegion) {
            throw new IllegalArgumentException("A sequence length of " + length + " is too long for this text: a window needs "
                    + (length + 1) + " tokens (inputs plus the next token to predict) and the text"
                    + (regions.size() > 1 ? "'s longest part" : "") + " has " + longestRegion + ". Use a sequence length of at most "
                    + (longestRegion - 1) + ", or more text.");
        }
        return new TextSequences(ids, vocabularySize, length, length, regions);
    }

    /** Windows start every {@code stride} tokens: smaller than the length, windows overlap; larger, tokens are skipped. */
    public TextSequences stride(int stride) {
        if (stride < 1) {
            throw new IllegalArgumentException("The stride must be 1 or more, got " + stride);
        }
        return new TextSequences(ids, vocabularySize, length, stride, regions);
    }

    public int length() {
        return length;
    }

    public int stride() {
        return stride;
    }

    public int vocabularySize() {
        return vocabularySize;
    }

    /** The number of tokens these windows are cut from. */
    public int tokens() {
        return regions.stream().mapToInt(r -> r[1] - r[0]).sum();
    }

    /** The number of windows. */
    public int count() {
        return starts().length;
    }

    /**
     * Splits the text, not the windows, so that no validation token is ever seen in training: the
     * text is cut into blocks of {@code 100 x length} tokens (fewer for short texts), a seeded random
     * {@code validationFraction} of the blocks (at least one) goes to validation, and windows are cut
     * inside each part. Blocks are spread over the whole text, so both parts sample all of it.
     *
     * @throws IllegalArgumentException for a fraction outside (0, 1) or a text too short to give both parts a window
     */
    public Split split(double validationFraction, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("The validation fraction must be between 0 and 1, got " + validationFraction);
        }
        if (regions.size() != 1) {
            throw new IllegalStateException("These sequences are already one part of a split");
        }
        int window = length + 1;
        int blockLength = Math.max(window, Math.min(100 * length, ids.length / 10));
        int blocks = ids.length / blockLength;
        if (blocks < 2) {
            throw new IllegalArgumentException("The text has " + ids.length + " tokens, too few to split into training and validation "
                    + "parts that each hold a window of " + window + " tokens; use a shorter sequence length or more text");
        }
        int validationBlocks = Math.max(1, Math.min(blocks - 1, (int) Math.round(blocks * validationFraction)));
        boolean[] isValidation = new boolean[blocks];
        int[] order = Shuffling.permutation(blocks, seed);
        for (int i = 0; i < validationBlocks; i++) {
            isValidation[order[i]] = true;
        }
        List<int[]> train = new ArrayList<>();
        List<int[]> validation = new ArrayList<>();
        for (int block = 0; block < blocks; block++) {
            int from = block * blockLength;
            int to = block == blocks - 1 ? ids.length : from + blockLength;
            (isValidation[block] ? validation : train).add(new int[] {from, to});
        }
        return new Split(new TextSequences(ids, vocabularySize, length, stride, merged(train)),
                new TextSequences(ids, vocabularySize, length, stride, merged(validation)));
    }

    /** The two parts of {@link #split}. */
    public record Split(TextSequences train, TextSequences validation) {
    }

    /** Starts an iterator over these windows in batches of {@code batchSize}. */
    public SequenceBatches batchSize(int batchSize) {
        return new SequenceBatches(this, batchSize);
    }

    /** The start of every window, in text order. */
    int[] starts() {
        int window = length + 1;
        int total = 0;
        for (int[] region : regions) {
            total += Math.max(0, (region[1] - region[0] - window) / stride + 1);
        }
        int[] starts = new int[total];
        int next = 0;
        for (int[] region : regions) {
            for (int start = region[0]; start + window <= region[1]; start += stride) {
                starts[next++] = start;
            }
        }
        return starts;
    }

    int[] ids() {
        return ids;
    }

    /** Adjacent blocks of one part become one region, so windows may cross between them. */
    private static List<int[]> merged(List<int[]> blocks) {
        List<int[]> regions = new ArrayList<>();
        for (int[] block : blocks) {
            int[] last = regions.isEmpty() ? null : regions.get(regions.size() - 1);
            if (last != null && last[1] == block[0]) {
                last[1] = block[1];
            } else {
                regions.add(block.clone());
            }
        }
        return regions;
    }

    @Override
    public String toString() {
        return count() + " sequences of " + length + " tokens (stride " + stride + ") from " + tokens() + " tokens";
    }
}
