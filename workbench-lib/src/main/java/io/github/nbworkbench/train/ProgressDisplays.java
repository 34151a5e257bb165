package io.github.nbworkbench.train;

import io.github.nbworkbench.progress.BatchProgress;
import io.github.nbworkbench.progress.DisplayProviders;
import io.github.nbworkbench.progress.EpochEnd;
import io.github.nbworkbench.progress.TrainingProgress;
import io.github.nbworkbench.progress.TrainingProgressProvider;
import io.github.nbworkbench.progress.TrainingStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the progress display for a run, and keeps a failing display from ending the run. */
final class ProgressDisplays {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressDisplays.class);

    static final TrainingProgress NONE = TrainingProgress.none();

    private ProgressDisplays() {
    }

    /** The display of the available {@link TrainingProgressProvider} with the highest priority, or none. */
    static TrainingProgress discover() {
        return DisplayProviders.best(TrainingProgressProvider.class)
                .map(TrainingProgressProvider::create)
                .orElse(NONE);
    }

    /** {@code display}, switched off (with one warning) at its first exception, so that a broken display never costs a training run. */
    static TrainingProgress guarded(TrainingProgress display) {
        if (display == NONE) {
            return display;
        }
        return new TrainingProgress() {
            private boolean broken;

            @Override
            public void start(TrainingStart start) {
                call(() -> display.start(start));
            }

            @Override
            public void batch(BatchProgress progress) {
                call(() -> display.batch(progress));
            }

            @Override
            public void epoch(EpochEnd epoch) {
                call(() -> display.epoch(epoch));
            }

            @Override
            public void note(String label, String text) {
                call(() -> display.note(label, text));
            }

            @Override
            public void end(String outcome) {
                call(() -> display.end(outcome));
            }

            private void call(Runnable action) {
                if (broken) {
                    return;
                }
                try {
                    action.run();
                } catch (RuntimeException e) {
                    broken = true;
                    LOG.warn("The progress display {} failed and is switched off for this run: {}", display.getClass().getName(), e.toString());
                }
            }
        };
    }
}
