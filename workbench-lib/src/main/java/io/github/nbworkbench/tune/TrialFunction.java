package io.github.nbworkbench.tune;

import io.github.nbworkbench.train.History;

/**
 * One trial of a search: builds a model from {@link TrialRun#params()} and trains it with the
 * Trainer from {@link TrialRun#trainer}, returning that Trainer's History.
 * <pre>{@code
 * trial -> trial.trainer(Mlps.classifier().learningRate(trial.params().real("lr")).build(784, 10))
 *               .validation(validation).metrics(Metric.ACCURACY).fit(train)
 * }</pre>
 * An exception fails the trial (it is recorded with its message) and the search goes on.
 */
@FunctionalInterface
public interface TrialFunction {

    History train(TrialRun trial) throws Exception;
}
