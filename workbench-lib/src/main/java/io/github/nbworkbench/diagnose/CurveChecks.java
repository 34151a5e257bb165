package io.github.nbworkbench.diagnose;

import static io.github.nbworkbench.diagnose.LayerChecks.percent;
import static io.github.nbworkbench.tables.ReadableNumbers.format;

import io.github.nbworkbench.train.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The diagnoses read from the History's curves: the learning rate, over- and underfitting, a plateau. */
final class CurveChecks {

    /**
     * A training loss that moves by less than 5% from the first epoch to the last has not learned
     * (a healthy MLP on the digits lowers it by over 90% in 8 epochs; the first epoch's mean already
     * includes that epoch's own progress, so a run that learns at all moves it by more).
     */
    static final double FLAT_CHANGE = 0.05;
    /** A training loss that ends 10% above where it started diverges, more than batch noise explains. */
    static final double DIVERGING_RISE = 0.10;
    /**
     * An epoch whose mean training loss is 10% above the previous one's, and by more than 1% of the
     * first epoch's loss (a loss near zero bounces by large shares of tiny values), and that gives
     * back more than a quarter of what training had gained so far (late in a long run a healthy loss
     * bounces around its floor by small shares of its gain), is a step back;
     * {@value #OSCILLATION_COUNT} of them is oscillation rather than noise.
     */
    static final double OSCILLATION_RISE = 0.10;
    static final double OSCILLATION_FLOOR = 0.01;
    static final double OSCILLATION_GIVEN_BACK = 0.25;
    static final int OSCILLATION_COUNT = 2;
    /**
     * Validation loss 10% above its best, {@value #OVERFITTING_EPOCHS} or more epochs after it,
     * while the training loss kept falling, is overfitting rather than noise.
     */
    static final double OVERFITTING_RISE = 0.10;
    static final int OVERFITTING_EPOCHS = 2;
    /**
     * Training accuracy more than a point below validation accuracy: the model does worse on the
     * data it learns from than on data it never saw, so regularisation (dropout, augmentation, L2)
     * or too little training holds it back.
     */
    static final double UNDERFITTING_MARGIN = 0.01;
    /**
     * Training accuracy below 90% with validation within 5 points of it: the model cannot fit even
     * the data it sees, and there is no gap to close. The tasks of the workbench's notebooks (MNIST,
     * Fashion-MNIST, the digits) are fit above 90% by a model of sufficient size.
     */
    static final double POOR_ACCURACY = 0.9;
    static final double CLOSE_GAP = 0.05;
    /** The last 3 epochs moving the training loss by under 1%, after it had fallen by 10% or more, is a plateau. */
    static final int PLATEAU_EPOCHS = 3;
    static final double PLATEAU_CHANGE = 0.01;
    static final double PLATEAU_EARLIER_FALL = 0.10;
    /** A learning rate 100x below where it started has frozen training rather than fine-tuned it. */
    static final double FROZEN_LEARNING_RATE_FACTOR = 100;

    private CurveChecks() {
    }

    /** True when the training loss hardly moved over the run (2 epochs or more). */
    static boolean flat(Curves curves) {
        return curves.size() >= 2 && curves.firstNonFiniteLoss() < 0
                && Math.abs(Curves.relativeChange(curves.loss[0], curves.loss[curves.last()])) < FLAT_CHANGE;
    }

    static Optional<Diagnosis> learningRateTooHigh(Curves curves, List<LayerFigures> layers) {
        List<String> evidence = new ArrayList<>();
        int nonFinite = curves.firstNonFiniteLoss();
        if (nonFinite >= 0) {
            evidence.add("the loss became " + curves.loss[nonFinite] + " in epoch " + curves.epochs[nonFinite]
                    + (nonFinite > 0 ? " (it was " + format(curves.loss[nonFinite - 1]) + " in epoch " + curves.epochs[nonFinite - 1] + ")" : ""));
        } else if (curves.size() >= 2 && Curves.relativeChange(curves.loss[0], curves.loss[curves.last()]) > DIVERGING_RISE) {
            evidence.add("the training loss rose from " + format(curves.loss[0]) + " in epoch " + curves.epochs[0] + " to "
                    + format(curves.loss[curves.last()]) + " in epoch " + curves.epochs[curves.last()]);
        }
        List<Integer> stepsBack = stepsBack(curves);
        if (stepsBack.size() >= OSCILLATION_COUNT) {
            evidence.add("the training loss went up again " + stepsBack.size() + " times, in epochs " + stepsBack);
        }
        LayerChecks.largeSteps(layers).ifPresent(evidence::add);
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Diagnosis(TrainingProblem.LEARNING_RATE_TOO_HIGH, sentence(evidence) + "." + learningRateSentence(curves),
                "Lower the learning rate 3 to 10x (LrFinder.of(net).find(data) suggests one) or let a schedule lower it"
                        + " (ReduceLROnPlateau, CosineAnnealing); clip gradients if single batches make the loss jump."));
    }

    /** Epochs whose mean training loss rose over the previous epoch's by more than the oscillation thresholds. */
    private static List<Integer> stepsBack(Curves curves) {
        List<Integer> epochs = new ArrayList<>();
        double lowest = curves.loss[0];
        for (int i = 1; i < curves.size(); i++) {
            double rise = curves.loss[i] - curves.loss[i - 1];
            double gained = curves.loss[0] - lowest;
            if (rise > OSCILLATION_RISE * curves.loss[i - 1] && rise > OSCILLATION_FLOOR * curves.loss[0]
                    && rise > OSCILLATION_GIVEN_BACK * gained) {
                epochs.add(curves.epochs[i]);
            }
            lowest = Math.min(lowest, curves.loss[i]);
        }
        return epochs;
    }

    /** A flat loss, when statistics do not show steps of a usual size (then the learning rate is not what holds training back). */
    static Optional<Diagnosis> learningRateTooLow(Curves curves, List<LayerFigures> layers) {
        if (!flat(curves) || !layers.isEmpty() && !LayerChecks.tinySteps(layers)) {
            return Optional.empty();
        }
        double change = Math.abs(Curves.relativeChange(curves.loss[0], curves.loss[curves.last()]));
        String evidence = "The training loss changed by " + (change < 0.01 ? "less than 1%" : percent(change)) + " in " + curves.size()
                + " epochs (" + format(curves.loss[0]) + " to " + format(curves.loss[curves.last()]) + ")"
                + learningRate(curves) + (layers.isEmpty() ? "." : "; " + LayerChecks.stepSizes(layers) + ".");
        return Optional.of(new Diagnosis(TrainingProblem.LEARNING_RATE_TOO_LOW, evidence,
                "Raise the learning rate 10 to 100x; LrFinder.of(net).find(data) suggests one, and Adam's 1e-3 is a good start."
                        + (layers.isEmpty() ? " If the learning rate is already usual, vanishing gradients or dead ReLU units also keep"
                                + " the loss flat: train with TrainingStatistics.everyBatches(10) and ask again." : "")));
    }

    static Optional<Diagnosis> overfitting(Curves curves) {
        if (curves.validationLoss == null) {
            return Optional.empty();
        }
        int best = Curves.lowest(curves.validationLoss);
        int last = curves.last();
        if (best < 0 || last - best < OVERFITTING_EPOCHS
                || !(Curves.relativeChange(curves.validationLoss[best], curves.validationLoss[last]) > OVERFITTING_RISE)
                || !(curves.loss[last] < curves.loss[best])) {
            return Optional.empty();
        }
        String evidence = "Validation loss was lowest in epoch " + curves.epochs[best] + " (" + format(curves.validationLoss[best])
                + ") and rose to " + format(curves.validationLoss[last]) + " by epoch " + curves.epochs[last] + " (+"
                + percent(Curves.relativeChange(curves.validationLoss[best], curves.validationLoss[last])) + "), while the training loss fell from "
                + format(curves.loss[best]) + " to " + format(curves.loss[last]) + accuracies(curves, last)
                + ". The model learns its training examples by heart from epoch " + curves.epochs[best + 1] + " on.";
        return Optional.of(new Diagnosis(TrainingProblem.OVERFITTING, evidence,
                "Keep the best epoch's weights (new EarlyStopping(History.VALIDATION_LOSS).restoreBestWeights()), train on more"
                        + " data or augment it, regularise (dropout, l2) or use a smaller model."));
    }

    /**
     * Needs 2 epochs or more: the training metrics of an epoch are measured batch by batch while the
     * model still learns, its validation metrics after it, so after one epoch training is behind
     * validation in any run that learns.
     */
    static Optional<Diagnosis> underfitting(Curves curves) {
        if (curves.size() < 2) {
            return Optional.empty();
        }
        int last = curves.last();
        String evidence = null;
        if (curves.accuracy != null && curves.validationAccuracy != null) {
            double training = curves.accuracy[last];
            double validation = curves.validationAccuracy[last];
            if (training < validation - UNDERFITTING_MARGIN) {
                evidence = "Training accuracy " + format(training) + " is below validation accuracy " + format(validation) + " in epoch "
                        + curves.epochs[last] + ": the model does worse on the examples it learns from than on ones it never saw.";
            } else if (training < POOR_ACCURACY && Math.abs(training - validation) < CLOSE_GAP) {
                evidence = "Training accuracy is only " + format(training) + " in epoch " + curves.epochs[last] + ", with validation close to it ("
                        + format(validation) + "): the model does not fit even the data it sees.";
            }
        } else if (curves.validationLoss != null && curves.loss[last] > curves.validationLoss[last]) {
            evidence = "The training loss " + format(curves.loss[last]) + " is above the validation loss " + format(curves.validationLoss[last])
                    + " in epoch " + curves.epochs[last] + ": the model does worse on the examples it learns from than on ones it never saw.";
        }
        if (evidence == null) {
            return Optional.empty();
        }
        return Optional.of(new Diagnosis(TrainingProblem.UNDERFITTING, evidence,
                "Give the model more capacity (wider or more layers), regularise less (lower dropout, l2 or augmentation strength),"
                        + " or train longer while the training loss still falls."));
    }

    static Optional<Diagnosis> plateau(Curves curves) {
        int last = curves.last();
        int start = last - PLATEAU_EPOCHS;
        if (start < 1 || curves.firstNonFiniteLoss() >= 0
                || !(Curves.relativeChange(curves.loss[0], curves.loss[start]) < -PLATEAU_EARLIER_FALL)
                || !(Math.abs(Curves.relativeChange(curves.loss[start], curves.loss[last])) < PLATEAU_CHANGE)) {
            return Optional.empty();
        }
        String evidence = "The training loss fell from " + format(curves.loss[0]) + " to " + format(curves.loss[start]) + " by epoch "
                + curves.epochs[start] + ", then changed by less than " + percent(PLATEAU_CHANGE) + " in the last " + PLATEAU_EPOCHS
                + " epochs (" + format(curves.loss[last]) + " in epoch " + curves.epochs[last] + ")";
        boolean frozen = curves.learningRate != null && curves.learningRate[last] * FROZEN_LEARNING_RATE_FACTOR < curves.learningRate[0];
        if (frozen) {
            return Optional.of(new Diagnosis(TrainingProblem.PLATEAU, evidence + "; meanwhile the learning rate fell from "
                    + format(curves.learningRate[0]) + " to " + format(curves.learningRate[last]) + ".",
                    "The schedule lowered the learning rate until training froze: lower it later or less (StepDecay's factor and"
                            + " period, ReduceLROnPlateau's minimum), or stop when it stalls (EarlyStopping)."));
        }
        return Optional.of(new Diagnosis(TrainingProblem.PLATEAU, evidence + ".",
                "More epochs of the same will not help: lower the learning rate when the loss stalls (ReduceLROnPlateau) to settle"
                        + " lower, give the model more capacity, or stop here (EarlyStopping)."));
    }

    private static String accuracies(Curves curves, int row) {
        return curves.accuracy == null || curves.validationAccuracy == null ? ""
                : "; training accuracy " + format(curves.accuracy[row]) + " against validation " + format(curves.validationAccuracy[row]);
    }

    private static String learningRate(Curves curves) {
        return curves.learningRate == null || Double.isNaN(curves.learningRate[curves.last()]) ? ""
                : " at learning rate " + format(curves.learningRate[curves.last()]);
    }

    private static String learningRateSentence(Curves curves) {
        return curves.learningRate == null || Double.isNaN(curves.learningRate[curves.last()]) ? ""
                : " The learning rate was " + format(curves.learningRate[curves.last()]) + ".";
    }

    private static String sentence(List<String> parts) {
        String joined = String.join("; ", parts);
        return Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }

    static String summary(Curves curves) {
        int last = curves.last();
        return "training loss " + fromTo(curves.loss, last)
                + (curves.validationLoss == null ? "" : ", validation loss " + fromTo(curves.validationLoss, last))
                + accuracies(curves, last);
    }

    private static String fromTo(double[] values, int last) {
        return last == 0 ? format(values[0]) : format(values[0]) + " to " + format(values[last]);
    }

    /** What the History cannot show, for want of validation data or of epochs: said when no problem is found. */
    static String unchecked(Curves curves) {
        List<String> missing = new ArrayList<>();
        if (curves.size() < 2) {
            missing.add("the learning rate and underfitting (they read how the loss changes from epoch to epoch: train 2 epochs or more)");
        }
        if (curves.validationLoss == null) {
            missing.add("overfitting (no " + History.VALIDATION_LOSS + ": train with validation data)");
        } else if (curves.size() <= OVERFITTING_EPOCHS) {
            missing.add("overfitting (validation loss rising " + OVERFITTING_EPOCHS + " epochs after its best: train "
                    + (OVERFITTING_EPOCHS + 1) + " epochs or more)");
        }
        if (curves.size() < PLATEAU_EPOCHS + 2) {
            missing.add("a plateau (the last " + PLATEAU_EPOCHS + " epochs against the earlier ones: train " + (PLATEAU_EPOCHS + 2)
                    + " epochs or more)");
        }
        return String.join("; ", missing);
    }
}
