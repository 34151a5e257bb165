package io.github.nbworkbench.train;

import tech.tablesaw.api.Table;

/**
 * What an {@link LrFinder} sweep measured: {@code table} has one row per batch with the columns
 * {@code lr}, {@code loss} and {@code smoothed_loss}; {@code suggestedLr} is where the smoothed loss
 * fell fastest (steepest negative slope against log lr); {@code minLossLr} is the rate at the lowest
 * smoothed loss, a tenth of which is the other common rule of thumb.
 */
public record LrFinderResult(Table table, double suggestedLr, double minLossLr, String stopReason) {

    /** The column of the exponentially smoothed loss; the others are {@link History#LEARNING_RATE} and {@link History#LOSS}. */
    public static final String SMOOTHED_LOSS = "smoothed_loss";
}
