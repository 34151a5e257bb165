package io.github.nbworkbench.diagnose;

/** The problems {@link TrainingDoctor} recognises. */
public enum TrainingProblem {
    LEARNING_RATE_TOO_HIGH("Learning rate too high"),
    LEARNING_RATE_TOO_LOW("Learning rate too low"),
    EXPLODING_GRADIENTS("Exploding gradients"),
    VANISHING_GRADIENTS("Vanishing gradients"),
    DEAD_RELU_UNITS("Dead ReLU units"),
    OVERFITTING("Overfitting"),
    UNDERFITTING("Underfitting"),
    PLATEAU("Stalled on a plateau");

    private final String title;

    TrainingProblem(String title) {
        this.title = title;
    }

    /** The problem in words, e.g. "Learning rate too high". */
    public String title() {
        return title;
    }
}
