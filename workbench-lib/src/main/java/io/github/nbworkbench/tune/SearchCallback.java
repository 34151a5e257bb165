package io.github.nbworkbench.tune;

import io.github.nbworkbench.train.Callback;
import io.github.nbworkbench.train.EpochValues;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Mode;
import io.github.nbworkbench.train.TrainingContext;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;

/**
 * The search's hook into a trial's training: refuses an objective the run does not record before
 * it trains, asks the pruner after every epoch, and stops training when the thread is interrupted.
 */
final class SearchCallback implements Callback {

    private final String objective;
    private final Mode mode;
    private final int number;
    private final int maxEpochs;
    private final Pruner pruner;
    private final Map<Integer, double[]> earlier;
    private String pruneReason;
    private boolean interrupted;
    private History history;
    private Model model;

    SearchCallback(String objective, Mode mode, int number, int maxEpochs, Pruner pruner, Map<Integer, double[]> earlier) {
        this.objective = objective;
        this.mode = mode;
        this.number = number;
        this.maxEpochs = maxEpochs;
        this.pruner = pruner;
        this.earlier = Map.copyOf(earlier);
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        history = context.history();
        model = context.model();
        List<String> recorded = history.columnNames().stream().filter(name -> !name.equals(History.EPOCH)).toList();
        if (!recorded.contains(objective)) {
            throw new ObjectiveNotRecordedException(objective, recorded);
        }
    }

    @Override
    public void onEpochBegin(TrainingContext context, int epoch) {
        stopIfInterrupted(context);
    }

    @Override
    public void onBatchEnd(TrainingContext context, int epoch, long batch, double loss) {
        stopIfInterrupted(context);
    }

    @Override
    public void onEpochEnd(TrainingContext context, EpochValues values) {
        if (interrupted) {
            return;
        }
        pruner.stopReason(number, curve(context.history(), objective), maxEpochs, earlier, mode).ifPresent(reason -> {
            pruneReason = Trial.PRUNED + reason;
            context.stopTraining(pruneReason);
        });
    }

    private void stopIfInterrupted(TrainingContext context) {
        if (!interrupted && Thread.currentThread().isInterrupted()) {
            interrupted = true;
            context.stopTraining("the search was interrupted");
        }
    }

    /** The objective after each epoch of {@code history}, epoch 1 first. */
    static double[] curve(History history, String objective) {
        return history.doubleColumn(objective).asDoubleArray();
    }

    boolean trained() {
        return history != null;
    }

    /** The network the trial trained, once it started training. */
    Model model() {
        return model;
    }

    String pruneReason() {
        return pruneReason;
    }

    boolean interrupted() {
        return interrupted;
    }
}
