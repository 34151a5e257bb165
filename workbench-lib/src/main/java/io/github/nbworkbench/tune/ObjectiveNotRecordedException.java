package io.github.nbworkbench.tune;

import io.github.nbworkbench.train.History;
import java.util.List;

/** The search's objective is not a value the trials' training records; the search stops before it trains. */
public final class ObjectiveNotRecordedException extends IllegalArgumentException {

    ObjectiveNotRecordedException(String objective, List<String> recorded) {
        super("The search's objective '" + objective + "' is not recorded by the trial's training; it records " + recorded + "."
                + hint(objective, recorded));
    }

    private static String hint(String objective, List<String> recorded) {
        if (History.isValidation(objective) && recorded.stream().noneMatch(History::isValidation)) {
            return " Values named val_... need validation data: add .validation(iterator) to trial.trainer(model).";
        }
        for (String name : recorded) {
            if (name.startsWith(objective) || objective.startsWith(name)) {
                return " Did you mean '" + name + "'?";
            }
        }
        return " Metrics other than loss need .metrics(...) on trial.trainer(model).";
    }
}
