package io.github.nbworkbench.tune;

import io.github.nbworkbench.train.MonitorNames;
import java.util.List;

/** The search's objective is not a value the trials' training records; the search stops before it trains. */
public final class ObjectiveNotRecordedException extends IllegalArgumentException {

    ObjectiveNotRecordedException(String objective, List<String> recorded) {
        super("The search's objective '" + objective + "' is not recorded by the trial's training; it records " + recorded + "."
                + MonitorNames.hint(objective, recorded, "trial.trainer(model)"));
    }
}
