package io.github.nbworkbench.tune;

import io.github.nbworkbench.train.Mode;
import java.util.Map;
import java.util.Optional;

/**
 * Stops a trial early when its per-epoch objective so far is worse than that of the earlier trials
 * at the same epoch: {@link #successiveHalving} and {@link #hyperband}, or {@link #none()}.
 */
public sealed interface Pruner permits NoPruning, SuccessiveHalving, Hyperband {

    /** Every trial trains all its epochs. */
    static Pruner none() {
        return new NoPruning();
    }

    /**
     * Asynchronous successive halving (ASHA, Optuna's SuccessiveHalvingPruner): checkpoints ("rungs")
     * after {@code minEpochs}, {@code minEpochs * reduction}, {@code minEpochs * reduction^2} ... epochs;
     * at each, a trial goes on only if its best objective so far is in the top 1/{@code reduction} of
     * all trials that reached that rung (once {@code reduction} trials have).
     */
    static Pruner successiveHalving(int minEpochs, int reduction) {
        check(minEpochs, reduction);
        return new SuccessiveHalving(minEpochs, reduction);
    }

    /**
     * Hyperband (Li et al. 2018): successive halving in several brackets, from aggressive (first rung
     * after {@code minEpochs}) to none (first rung at the last epoch), trials taking turns, each
     * compared only with the trials of its own bracket; robust when early epochs mislead.
     */
    static Pruner hyperband(int minEpochs, int reduction) {
        check(minEpochs, reduction);
        return new Hyperband(minEpochs, reduction);
    }

    /**
     * Why trial {@code number} should stop now, or empty to go on.
     *
     * @param curve     its objective after each epoch so far (index 0 is epoch 1)
     * @param maxEpochs the epochs a trial trains unless stopped
     * @param earlier   the per-epoch objective of each earlier trial that trained, by trial number
     * @param mode      MAX when a higher objective is better, MIN otherwise (resolved)
     */
    Optional<String> stopReason(int number, double[] curve, int maxEpochs, Map<Integer, double[]> earlier, Mode mode);

    /** A short name for displays and the search's settings file. */
    String description();

    private static void check(int minEpochs, int reduction) {
        if (minEpochs < 1) {
            throw new IllegalArgumentException("minEpochs must be 1 or more, got " + minEpochs);
        }
        if (reduction < 2) {
            throw new IllegalArgumentException("The reduction factor must be 2 or more (3 keeps a third of the trials at each rung), got "
                    + reduction);
        }
    }
}
