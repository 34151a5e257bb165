package io.github.nbworkbench.diagnose;

/**
 * One problem {@link TrainingDoctor} found, in plain language.
 *
 * @param problem  what is wrong
 * @param evidence the numbers of the run that show it
 * @param advice   what to try
 */
public record Diagnosis(TrainingProblem problem, String evidence, String advice) {

    @Override
    public String toString() {
        return problem.title() + ": " + evidence + " Try: " + advice;
    }
}
