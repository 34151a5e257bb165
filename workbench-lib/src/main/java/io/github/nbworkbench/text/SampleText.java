package io.github.nbworkbench.text;

import io.github.nbworkbench.train.Callback;
import io.github.nbworkbench.train.EpochValues;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.TrainingContext;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Generates a short sample after every epoch (or every n-th) and shows it with the training
 * progress, so that one sees the model learn to spell; the samples are kept in {@link #table()}.
 *
 * <pre>{@code
 * SampleText samples = SampleText.of(vocabulary).prompt("The ").length(160);
 * Trainer.of(net).epochs(10).callbacks(samples).fit(train);
 * samples.table();     // epoch, strategy, text
 * }</pre>
 *
 * Each sample uses the same seed, so differences between epochs come from the model alone.
 */
public final class SampleText implements Callback {

    private final Vocabulary vocabulary;
    private String prompt = "The ";
    private int length = 160;
    private SamplingStrategy strategy = Sampling.temperature(0.5);
    private int every = 1;
    private long seed = TextGenerator.DEFAULT_SEED;
    private final IntColumn epochs = IntColumn.create(History.EPOCH);
    private final StringColumn strategies = StringColumn.create("strategy");
    private final StringColumn texts = StringColumn.create("text");

    private SampleText(Vocabulary vocabulary) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    }

    /** Samples "The " + 160 tokens at temperature 0.5 after every epoch. */
    public static SampleText of(Vocabulary vocabulary) {
        return new SampleText(vocabulary);
    }

    public SampleText prompt(String prompt) {
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        return this;
    }

    public SampleText length(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("The sample length must be 1 or more, got " + length);
        }
        this.length = length;
        return this;
    }

    public SampleText strategy(SamplingStrategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        return this;
    }

    /** Samples after every {@code epochs}-th epoch (and after the last). */
    public SampleText every(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("every must be 1 or more epochs, got " + epochs);
        }
        this.every = epochs;
        return this;
    }

    public SampleText seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Checks the prompt against the vocabulary before the first epoch, not after it. */
    @Override
    public void onTrainBegin(TrainingContext context) {
        TextGenerator.of(network(context), vocabulary);
        if (!vocabulary.unknownTokens(prompt).isEmpty()) {
            throw new IllegalArgumentException("The sample prompt \"" + prompt + "\" has tokens outside the vocabulary: "
                    + vocabulary.unknownTokens(prompt) + "; choose a prompt made of known tokens");
        }
    }

    @Override
    public void onEpochEnd(TrainingContext context, EpochValues values) {
        int epoch = context.epoch();
        if (epoch % every != 0 && epoch != context.lastEpoch()) {
            return;
        }
        String text = TextGenerator.of(network(context), vocabulary).seed(seed).generate(prompt, length, strategy);
        epochs.append(epoch);
        strategies.append(strategy.toString());
        texts.append(text);
        context.showNote("Sample after epoch " + epoch + " (" + strategy + ")", prompt + text);
    }

    /** Every sample so far: epoch, strategy, text (without the prompt). */
    public Table table() {
        return Table.create("Samples during training", epochs.copy(), strategies.copy(), texts.copy());
    }

    private static MultiLayerNetwork network(TrainingContext context) {
        if (context.model() instanceof MultiLayerNetwork network) {
            return network;
        }
        throw new IllegalArgumentException("SampleText needs a MultiLayerNetwork (such as Rnns.charLstm() builds), got "
                + context.model().getClass().getSimpleName());
    }
}
