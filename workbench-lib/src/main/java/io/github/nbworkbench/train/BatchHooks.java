package io.github.nbworkbench.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Which of {@link Callback}'s batch hooks a callback overrides: what a strategy that does not see the batches must refuse. */
final class BatchHooks {

    private static final List<String> HOOKS = List.of("onBatchBegin", "onBatchEnd");

    private BatchHooks() {
    }

    /** The names of the batch hooks {@code callback}'s class overrides, in Callback's order; empty when none. */
    static List<String> of(Callback callback) {
        List<String> overridden = new ArrayList<>();
        for (String hook : HOOKS) {
            if (Arrays.stream(callback.getClass().getMethods())
                    .anyMatch(method -> method.getName().equals(hook) && method.getDeclaringClass() != Callback.class)) {
                overridden.add(hook);
            }
        }
        return overridden;
    }
}
