package io.github.nbworkbench.tune;

/**
 * One finished trial of a search.
 *
 * @param number    its place in the search, from 0
 * @param params    the parameter values it trained with
 * @param objective the objective's value (the best epoch's), NaN when it failed
 * @param epochs    the epochs it trained
 * @param seconds   its training time
 * @param outcome   completed, stopped early by the search, or failed
 * @param reason    why it stopped early or failed ({@code null} when it completed)
 */
public record Trial(int number, Params params, double objective, int epochs, double seconds, Outcome outcome, String reason) {

    /** The start of the reason of a trial the search's {@link Pruner} stopped. */
    static final String PRUNED = "pruned ";

    /** How a trial ended. */
    public enum Outcome { COMPLETED, STOPPED_EARLY, FAILED }

    /** True unless it failed: the objective is a number. */
    public boolean succeeded() {
        return outcome != Outcome.FAILED;
    }

    /** True when the search's pruner stopped it (rather than a callback or the end of the epoch budget). */
    public boolean pruned() {
        return outcome == Outcome.STOPPED_EARLY && reason != null && reason.startsWith(PRUNED);
    }
}
