package io.github.nbworkbench.tune;

import io.github.nbworkbench.progress.TrainingProgress;
import io.github.nbworkbench.results.RunCard;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Mode;
import io.github.nbworkbench.train.Seeds;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Runs one trial of a search: seeds it, trains it through the trial function with the search's
 * callback, and says how it ended (completed, stopped early and why, or failed with its error),
 * with its History and run card.
 */
final class TrialRunner {

    record Result(Trial trial, History history, RunCard card) {
    }

    private final String objective;
    private final Mode mode;
    private final int maxEpochs;
    private final Pruner pruner;
    private final long searchSeed;
    private final String searchDescription;
    private final Path folder;

    TrialRunner(String objective, Mode mode, int maxEpochs, Pruner pruner, long searchSeed, String searchDescription, Path folder) {
        this.objective = objective;
        this.mode = mode;
        this.maxEpochs = maxEpochs;
        this.pruner = pruner;
        this.searchSeed = searchSeed;
        this.searchDescription = searchDescription;
        this.folder = folder;
    }

    /**
     * @param epochs    the epochs this trial may train (fewer than the search's when its epoch budget is nearly spent)
     * @param histories the earlier trials' histories, which the pruner compares this one with
     * @throws SearchInterruptedException when the thread is interrupted during the trial
     * @throws ObjectiveNotRecordedException when the trial's training does not record the objective
     */
    Result run(TrialFunction function, int number, Params params, int epochs, Map<Integer, History> histories, TrainingProgress progress) {
        Map<Integer, double[]> earlier = new LinkedHashMap<>();
        histories.forEach((trial, history) -> earlier.put(trial, SearchCallback.curve(history, objective)));
        SearchCallback callback = new SearchCallback(objective, mode, number, maxEpochs, pruner, earlier);
        long trialSeed = Seeds.derive(searchSeed, number);
        TrialRun run = new TrialRun(number, params, trialSeed, epochs, progress, callback);
        long start = System.nanoTime();
        History history;
        try {
            Seeds.seedEverything(trialSeed);
            history = function.train(run);
        } catch (ObjectiveNotRecordedException e) {
            throw e;
        } catch (Exception e) {
            if (callback.interrupted() || Thread.currentThread().isInterrupted() || e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new SearchInterruptedException(number, number, folder);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(new Trial(number, params, Double.NaN, 0, seconds, Trial.Outcome.FAILED, describe(e)), null, null);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (callback.interrupted() || Thread.currentThread().isInterrupted()) {
            throw new SearchInterruptedException(number, number, folder);
        }
        if (!run.trainerMade() || !callback.trained() || history == null) {
            throw new IllegalStateException("Trial " + number + " did not train through trial.trainer(model): the search sets a "
                    + "trial's epochs and stops bad trials through that Trainer, so return trial.trainer(model)...fit(train)");
        }
        Trial trial = ended(number, params, history, seconds, callback);
        return new Result(trial, history, runCard(trial, trialSeed, history, callback));
    }

    private Trial ended(int number, Params params, History history, double seconds, SearchCallback callback) {
        double[] curve = SearchCallback.curve(history, objective);
        double objectiveValue = SuccessiveHalving.bestSoFar(curve, curve.length, mode);
        if (Double.isNaN(objectiveValue)) {
            return new Trial(number, params, Double.NaN, curve.length, seconds, Trial.Outcome.FAILED,
                    "the objective '" + objective + "' was never a number (did training diverge? try a smaller learning rate)");
        }
        String stopReason = callback.pruneReason() != null ? callback.pruneReason() : history.stopReason().orElse(null);
        if (stopReason == null && curve.length < maxEpochs) {
            stopReason = "the search's epoch budget ran out after " + curve.length + " epochs";
        }
        Trial.Outcome outcome = stopReason == null ? Trial.Outcome.COMPLETED : Trial.Outcome.STOPPED_EARLY;
        return new Trial(number, params, objectiveValue, curve.length, seconds, outcome, stopReason);
    }

    private RunCard runCard(Trial trial, long trialSeed, History history, SearchCallback callback) {
        RunCard.Builder card = RunCard.builder().seed(trialSeed).history(history)
                .note("search", searchDescription)
                .note("trial", Integer.toString(trial.number()))
                .note("parameters", trial.params().toString())
                .note("objective", objective + " = " + trial.objective())
                .note("outcome", trial.outcome().name() + (trial.reason() == null ? "" : ": " + trial.reason()));
        if (callback.model() instanceof MultiLayerNetwork network) {
            card.model(network);
        }
        return card.build();
    }

    /** An exception as a trial's reason: its class and message. */
    static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
