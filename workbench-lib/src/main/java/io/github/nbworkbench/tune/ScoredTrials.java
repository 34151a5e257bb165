package io.github.nbworkbench.tune;

import io.github.nbworkbench.train.Mode;
import java.util.Comparator;
import java.util.List;

/**
 * A search's finished trials as its end-of-search charts and importance see them: those with an
 * objective (completed or stopped early), in trial order, and how many failed. The best trial is
 * the best completed one, as in Optuna: a trial stopped early has its objective from fewer epochs
 * than the others, so it is not a candidate (unless no trial completed).
 */
final class ScoredTrials {

    private final List<Trial> succeeded;
    private final int failed;

    private ScoredTrials(List<Trial> succeeded, int failed) {
        this.succeeded = succeeded;
        this.failed = failed;
    }

    /**
     * @param what what needs the trials, for the error, e.g. "a chart of the objective"
     * @throws IllegalArgumentException when no trial has an objective
     */
    static ScoredTrials of(List<Trial> trials, String what) {
        List<Trial> succeeded = trials.stream().filter(Trial::succeeded).sorted(Comparator.comparingInt(Trial::number)).toList();
        if (succeeded.isEmpty()) {
            throw new IllegalArgumentException(what + " needs a trial with an objective, and "
                    + (trials.isEmpty() ? "there are no trials yet" : "all " + trials.size() + " trials failed, the first with: "
                    + trials.get(0).reason()));
        }
        return new ScoredTrials(succeeded, trials.size() - succeeded.size());
    }

    /** The trials with an objective, completed or stopped early, by trial number. */
    List<Trial> succeeded() {
        return succeeded;
    }

    List<Trial> completed() {
        return withOutcome(Trial.Outcome.COMPLETED);
    }

    List<Trial> stoppedEarly() {
        return withOutcome(Trial.Outcome.STOPPED_EARLY);
    }

    int failed() {
        return failed;
    }

    /** All trials, failed ones included. */
    int total() {
        return succeeded.size() + failed;
    }

    /** The trials the best is chosen from: the completed ones, or all with an objective when none completed. */
    List<Trial> bestCandidates() {
        List<Trial> completed = completed();
        return completed.isEmpty() ? succeeded : completed;
    }

    /** The best trial for a resolved mode; the earlier one of a tie. */
    Trial best(Mode mode) {
        return bestCandidates().stream().reduce((best, trial) -> mode.improves(trial.objective(), best.objective(), 0) ? trial : best)
                .orElseThrow();
    }

    /** "; 2 failed, not shown" to append to a title's parentheses, or nothing when none failed. */
    String failedNote() {
        return failed == 0 ? "" : "; " + failedCount();
    }

    /** "2 failed, not shown", or nothing when none failed. */
    String failedCount() {
        return failed == 0 ? "" : failed + " failed, not shown";
    }

    private List<Trial> withOutcome(Trial.Outcome outcome) {
        return succeeded.stream().filter(trial -> trial.outcome() == outcome).toList();
    }
}
