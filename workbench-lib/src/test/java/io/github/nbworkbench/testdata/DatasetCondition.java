package io.github.nbworkbench.testdata;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** The condition behind {@link RequiresDataset}: disabled, with the reason, when a data set is missing. */
final class DatasetCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<RequiresDataset> required = context.getElement().flatMap(DatasetCondition::requirement);
        if (required.isEmpty()) {
            return ConditionEvaluationResult.enabled("no data set required here");
        }
        String missing = Arrays.stream(required.get().value())
                .map(Dataset::missing)
                .flatMap(Optional::stream)
                .collect(Collectors.joining("\n"));
        return missing.isEmpty()
                ? ConditionEvaluationResult.enabled("data sets installed: " + Arrays.toString(required.get().value()))
                : ConditionEvaluationResult.disabled(missing);
    }

    private static Optional<RequiresDataset> requirement(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, RequiresDataset.class);
    }
}
