package io.github.nbworkbench.deploy;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;

/** A variant's checked figures, as the report compares them. */
record VariantFigures(String name, long sizeBytes, OptionalLong compressedBytes, double accuracy, Optional<Speed> speed) {

    double accuracyPercent() {
        return BigDecimal.valueOf(accuracy).movePointRight(2).doubleValue();
    }

    /**
     * Percentage points of accuracy above {@code baseline} (negative below). Computed in decimal, so
     * that 0.9141 against 0.9150 gives -0.09 and not -0.09000000000000119.
     */
    double pointsAbove(VariantFigures baseline) {
        return BigDecimal.valueOf(accuracy).subtract(BigDecimal.valueOf(baseline.accuracy)).movePointRight(2).doubleValue();
    }
}
