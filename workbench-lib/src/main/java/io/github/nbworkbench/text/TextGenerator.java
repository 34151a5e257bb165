package io.github.nbworkbench.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Generates text with a trained next-token model, one token at a time through DL4J's
 * {@code rnnTimeStep}, so each step costs one time step of the network, not a pass over everything so
 * far. Every generated token is fed back in; the network's state is cleared before and after each call.
 *
 * <pre>{@code
 * TextGenerator generator = TextGenerator.of(net, vocabulary).seed(42);
 * String text = generator.generate("The ", 300, Sampling.temperature(0.5));
 * String likeliest = generator.beamSearch("The ", 100, 5);
 * Table table = generator.compare("The ", 300, Sampling.greedy(), Sampling.temperature(1.0), Sampling.topP(0.9, 0.8));
 * }</pre>
 *
 * The unknown token is never generated. A prompt with tokens outside the vocabulary is refused,
 * unless {@link #allowUnknownTokens()} says to feed them as the unknown token.
 */
public final class TextGenerator {

    /** The seed of the random source when none is set. */
    public static final long DEFAULT_SEED = 42;

    private final MultiLayerNetwork network;
    private final Vocabulary vocabulary;
    private long seed = DEFAULT_SEED;
    private boolean allowUnknownTokens;

    private TextGenerator(MultiLayerNetwork network, Vocabulary vocabulary) {
        this.network = network;
        this.vocabulary = vocabulary;
    }

    /**
     * A generator for {@code network}, which must take and give one-hot tokens of {@code vocabulary}.
     *
     * @throws IllegalArgumentException when the network's input or output width is not the vocabulary size
     */
    public static TextGenerator of(MultiLayerNetwork network, Vocabulary vocabulary) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(vocabulary, "vocabulary");
        long inputs = network.layerInputSize(0);
        long outputs = network.layerSize(network.getnLayers() - 1);
        if (inputs != vocabulary.size() || outputs != vocabulary.size()) {
            throw new IllegalArgumentException("The network takes " + inputs + " inputs and gives " + outputs + " outputs, but the vocabulary has "
                    + vocabulary.size() + " ids; use the vocabulary the network was trained with (saved beside it by LanguageModel.save)");
        }
        return new TextGenerator(network, vocabulary);
    }

    /** Seeds the random choices: the same seed, prompt and strategy give the same text. */
    public TextGenerator seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Feeds prompt tokens outside the vocabulary as the unknown token instead of refusing the prompt. */
    public TextGenerator allowUnknownTokens() {
        this.allowUnknownTokens = true;
        return this;
    }

    /** {@code length} tokens that follow {@code prompt}, chosen by {@code strategy} (the prompt is not repeated). */
    public String generate(String prompt, int length, SamplingStrategy strategy) {
        return vocabulary.decode(generateIds(prompt, length, strategy));
    }

    /** As {@link #generate}, as token ids. */
    public int[] generateIds(String prompt, int length, SamplingStrategy strategy) {
        Objects.requireNonNull(strategy, "strategy");
        checkLength(length);
        int[] promptIds = encodePrompt(prompt);
        Random random = new Random(seed);
        int[] generated = new int[length];
        network.rnnClearPreviousState();
        try {
            double[] next = lastStep(network.rnnTimeStep(oneHot(new int[][] {promptIds})), 0);
            for (int i = 0; i < length; i++) {
                next[Vocabulary.UNKNOWN_ID] = 0;
                generated[i] = strategy.pick(next, random);
                if (i + 1 < length) {
                    next = lastStep(network.rnnTimeStep(oneHot(new int[][] {{generated[i]}})), 0);
                }
            }
        } finally {
            network.rnnClearPreviousState();
        }
        return generated;
    }

    /**
     * The continuation of {@code length} tokens with the highest total log-probability that a beam
     * of {@code width} candidates finds (greedy decoding is width 1). All candidates advance as one
     * batch. Character models tend to repeat themselves under beam search: compare with sampling.
     */
    public String beamSearch(String prompt, int length, int width) {
        checkLength(length);
        if (width < 1) {
            throw new IllegalArgumentException("The beam width must be 1 or more, got " + width);
        }
        int[] promptIds = encodePrompt(prompt);
        network.rnnClearPreviousState();
        try {
            double[][] logProbabilities = {logs(lastStep(network.rnnTimeStep(oneHot(new int[][] {promptIds})), 0))};
            int[][] beams = {new int[0]};
            double[] scores = {0};
            for (int step = 0; step < length; step++) {
                List<Candidate> best = bestCandidates(logProbabilities, scores, width);
                int[] parents = best.stream().mapToInt(Candidate::parent).toArray();
                int[][] extended = new int[best.size()][];
                scores = new double[best.size()];
                for (int b = 0; b < best.size(); b++) {
                    extended[b] = Arrays.copyOf(beams[best.get(b).parent()], step + 1);
                    extended[b][step] = best.get(b).token();
                    scores[b] = best.get(b).score();
                }
                beams = extended;
                if (step + 1 < length) {
                    reorderStates(parents);
                    int[][] lastTokens = Arrays.stream(beams).map(beam -> new int[] {beam[beam.length - 1]}).toArray(int[][]::new);
                    INDArray output = network.rnnTimeStep(oneHot(lastTokens));
                    logProbabilities = new double[beams.length][];
                    for (int b = 0; b < beams.length; b++) {
                        logProbabilities[b] = logs(lastStep(output, b));
                    }
                }
            }
            return vocabulary.decode(beams[Distribution.argMax(scores)]);
        } finally {
            network.rnnClearPreviousState();
        }
    }

    /**
     * One sample per strategy from the same prompt and seed, as a table: strategy, bits_per_token (how
     * surprised the model is by its own text: low for safe, repetitive text), distinct_words (the share
     * of words used only once: low when the text loops), text.
     */
    public Table compare(String prompt, int length, SamplingStrategy... strategies) {
        StringColumn names = StringColumn.create("strategy");
        DoubleColumn bits = DoubleColumn.create("bits_per_token");
        DoubleColumn distinct = DoubleColumn.create("distinct_words");
        StringColumn texts = StringColumn.create("text");
        for (SamplingStrategy strategy : strategies) {
            int[] ids = generateIds(prompt, length, strategy);
            names.append(strategy.toString());
            bits.append(bitsPerToken(prompt, ids));
            String text = vocabulary.decode(ids);
            distinct.append(distinctWordShare(text));
            texts.append(text);
        }
        return Table.create("Generated from \"" + prompt.replace("\n", "\\n") + "\"", names, bits, distinct, texts);
    }

    /**
     * The model's mean surprise, in bits per token, at {@code continuation} following {@code prompt}:
     * its cross-entropy on that text.
     */
    public double bitsPerToken(String prompt, int[] continuation) {
        if (continuation.length == 0) {
            return Double.NaN;
        }
        int[] promptIds = encodePrompt(prompt);
        int[] all = new int[promptIds.length + continuation.length];
        System.arraycopy(promptIds, 0, all, 0, promptIds.length);
        System.arraycopy(continuation, 0, all, promptIds.length, continuation.length);
        network.rnnClearPreviousState();
        try {
            INDArray output = network.output(oneHot(new int[][] {all}));
            double bits = 0;
            for (int i = 0; i < continuation.length; i++) {
                double p = output.getDouble(0, continuation[i], promptIds.length - 1 + i);
                bits -= Math.log(Math.max(p, 1e-12)) / Math.log(2);
            }
            return bits / continuation.length;
        } finally {
            network.rnnClearPreviousState();
        }
    }

    private int[] encodePrompt(String prompt) {
        if (prompt == null || prompt.isEmpty()) {
            throw new IllegalArgumentException("The prompt is empty; give at least one token to start from, e.g. \"The \"");
        }
        List<String> unknown = vocabulary.unknownTokens(prompt);
        if (!unknown.isEmpty() && !allowUnknownTokens) {
            throw new IllegalArgumentException("The prompt has " + (unknown.size() == 1 ? "a token" : unknown.size() + " tokens")
                    + " outside the vocabulary: " + unknown.stream().map(TextGenerator::describe).collect(Collectors.joining(", "))
                    + ". Remove or replace " + (unknown.size() == 1 ? "it" : "them") + ", or call allowUnknownTokens() to feed "
                    + (unknown.size() == 1 ? "it" : "them") + " as the unknown token.");
        }
        int[] ids = vocabulary.encode(prompt);
        if (ids.length == 0) {
            throw new IllegalArgumentException("The prompt \"" + prompt + "\" has no tokens for this vocabulary");
        }
        return ids;
    }

    private static String describe(String token) {
        String codePoints = token.codePoints().mapToObj(cp -> String.format(Locale.ROOT, "U+%04X", cp)).collect(Collectors.joining(" "));
        return "'" + token + "' (" + codePoints + ")";
    }

    private static void checkLength(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("The length to generate must be 1 or more, got " + length);
        }
    }

    /** One-hot [rows, vocabulary, time steps] for token rows of equal length. */
    private INDArray oneHot(int[][] rows) {
        int steps = rows[0].length;
        int size = vocabulary.size();
        float[] values = new float[rows.length * size * steps];
        for (int r = 0; r < rows.length; r++) {
            for (int t = 0; t < steps; t++) {
                values[(r * size + rows[r][t]) * steps + t] = 1f;
            }
        }
        return Nd4j.create(values, new long[] {rows.length, size, steps}, 'c');
    }

    /** The distribution at the last time step of {@code output}'s row {@code row}, as doubles. */
    private static double[] lastStep(INDArray output, int row) {
        long last = output.size(2) - 1;
        INDArray step = output.get(NDArrayIndex.point(row), NDArrayIndex.all(),
                NDArrayIndex.point(last));
        return step.castTo(DataType.DOUBLE).toDoubleVector();
    }

    private static double[] logs(double[] probabilities) {
        double[] weights = Distribution.checked(probabilities);
        double total = Arrays.stream(weights).sum();
        double[] logs = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            logs[i] = weights[i] > 0 ? Math.log(weights[i] / total) : Double.NEGATIVE_INFINITY;
        }
        logs[Vocabulary.UNKNOWN_ID] = Double.NEGATIVE_INFINITY;
        return logs;
    }

    private record Candidate(int parent, int token, double score) {
    }

    private static List<Candidate> bestCandidates(double[][] logProbabilities, double[] scores, int width) {
        List<Candidate> candidates = new ArrayList<>();
        for (int b = 0; b < logProbabilities.length; b++) {
            for (int token = 0; token < logProbabilities[b].length; token++) {
                if (logProbabilities[b][token] > Double.NEGATIVE_INFINITY) {
                    candidates.add(new Candidate(b, token, scores[b] + logProbabilities[b][token]));
                }
            }
        }
        candidates.sort((x, y) -> Double.compare(y.score(), x.score()));
        return candidates.subList(0, Math.min(width, candidates.size()));
    }

    /** Makes row i of every recurrent layer's state the state of beam {@code parents[i]}. */
    private void reorderStates(int[] parents) {
        for (int layer = 0; layer < network.getnLayers(); layer++) {
            if (network.getLayer(layer) instanceof RecurrentLayer) {
                Map<String, INDArray> reordered = new HashMap<>();
                network.rnnGetPreviousState(layer).forEach((key, state) -> reordered.put(key, state.getRows(parents)));
                network.rnnSetPreviousState(layer, reordered);
            }
        }
    }

    private static double distinctWordShare(String text) {
        List<String> words = WordVocabulary.tokenize(text.toLowerCase(Locale.ROOT)).stream()
                .filter(token -> Character.isLetter(token.codePointAt(0))).toList();
        if (words.isEmpty()) {
            return Double.NaN;
        }
        Map<String, Long> counts = words.stream().collect(Collectors.groupingBy(w -> w, Collectors.counting()));
        return (double) counts.values().stream().filter(c -> c == 1).count() / words.size();
    }
}
