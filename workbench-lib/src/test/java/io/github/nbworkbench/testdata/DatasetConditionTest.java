package io.github.nbworkbench.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.DataNotFoundException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;

class DatasetConditionTest {

    @RequiresDataset({Dataset.FASHION_MNIST, Dataset.MNIST, Dataset.STATE_OF_THE_UNION, Dataset.SKLEARN})
    private static final class NeedsEverything {
    }

    private static final class NeedsNothing {
    }

    @Test
    void aTestIsDisabledExactlyWhenOneOfItsDataSetsIsMissingAndTheReasonNamesEachMissingOne() {
        ConditionEvaluationResult result = evaluate(NeedsEverything.class);

        String[] missing = Arrays.stream(Dataset.values()).map(Dataset::missing).flatMap(Optional::stream).toArray(String[]::new);
        System.out.println("data sets missing here: " + missing.length + " of " + Dataset.values().length);
        assertEquals(missing.length > 0, result.isDisabled());
        for (String reason : missing) {
            assertTrue(result.getReason().orElseThrow().contains(reason), result.getReason().orElseThrow());
        }
    }

    @Test
    void aTestThatNeedsNoDataSetRuns() {
        assertFalse(evaluate(NeedsNothing.class).isDisabled());
    }

    @Test
    void theReasonNamesTheDataSetWhereItWasLookedForAndTheSetUpCommand() {
        String reason = Dataset.skipReason("Fashion-MNIST", new DataNotFoundException("no folder of [/data/fashion-mnist] holds it"));

        assertTrue(reason.startsWith("Data set Fashion-MNIST is missing"), reason);
        assertTrue(reason.contains("no folder of [/data/fashion-mnist] holds it"), reason);
        assertTrue(reason.endsWith("./workbench setup"), reason);
    }

    /** The condition on {@code element}, through a context that answers only getElement(), all the condition asks. */
    private static ConditionEvaluationResult evaluate(AnnotatedElement element) {
        ExtensionContext context = (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getElement")) {
                        return Optional.of(element);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new DatasetCondition().evaluateExecutionCondition(context);
    }
}
