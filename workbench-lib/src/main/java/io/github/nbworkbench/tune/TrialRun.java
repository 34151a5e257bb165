package io.github.nbworkbench.tune;

import io.github.nbworkbench.progress.TrainingProgress;
import io.github.nbworkbench.train.Callback;
import io.github.nbworkbench.train.Trainer;
import java.util.Objects;
import java.util.stream.Stream;
import org.deeplearning4j.nn.api.Model;

/**
 * What a {@link TrialFunction} gets: the trial's parameters and a Trainer set up by the search
 * (its epochs, seed, progress display and the callback that stops a pruned or interrupted trial).
 */
public final class TrialRun {

    private final int number;
    private final Params params;
    private final long seed;
    private final int epochs;
    private final SearchCallback callback;
    private final Callback[] searchCallbacks;
    private final TrainingProgress progress;
    private boolean trainerMade;

    TrialRun(int number, Params params, long seed, int epochs, TrainingProgress progress, SearchCallback callback, Callback... more) {
        this.number = number;
        this.params = params;
        this.seed = seed;
        this.epochs = epochs;
        this.progress = progress;
        this.callback = callback;
        this.searchCallbacks = Stream.concat(Stream.of(callback), Stream.of(more)).toArray(Callback[]::new);
    }

    /** The trial's place in the search, from 0. */
    public int number() {
        return number;
    }

    public Params params() {
        return params;
    }

    /** The seed of this trial, derived from the search's: give it to a model builder for repeatable weights. */
    public long seed() {
        return seed;
    }

    /**
     * A Trainer for {@code model} that trains this trial's epochs with its seed, shows progress in
     * the search's display and lets the search stop the trial; add validation, metrics and callbacks
     * as usual, but not {@code epochs} (the search sets them) or another progress display.
     */
    public Trainer trainer(Model model) {
        trainerMade = true;
        return Trainer.of(Objects.requireNonNull(model, "model")).epochs(epochs).seed(seed)
                .title("trial " + number + " " + params).progress(progress).callbacks(searchCallbacks);
    }

    boolean trainerMade() {
        return trainerMade;
    }
}
