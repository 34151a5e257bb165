package io.github.nbworkbench.kernel.progress;

import io.github.nbworkbench.progress.TrainingProgress;
import io.github.nbworkbench.progress.TrainingProgressProvider;

/**
 * The live notebook display for training progress, ahead of the console one. Available only while
 * a cell runs in a kernel: outside a cell there is no output to update.
 */
public final class NotebookProgressProvider implements TrainingProgressProvider {
    static final int PRIORITY = 100;

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public boolean isAvailable() {
        return RunningCell.display().isPresent();
    }

    @Override
    public TrainingProgress create() {
        return new NotebookProgress(RunningCell.liveDisplay("live progress display"), System::nanoTime);
    }
}
