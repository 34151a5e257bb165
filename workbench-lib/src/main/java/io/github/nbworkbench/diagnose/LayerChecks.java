package io.github.nbworkbench.diagnose;

import static io.github.nbworkbench.tables.ReadableNumbers.format;

import java.util.List;
import java.util.Optional;

/** The diagnoses read from the layers' statistics: exploding and vanishing gradients, dead ReLU units, the size of the steps. */
final class LayerChecks {

    /**
     * A gradient norm (of the batch's mean loss) above which gradients explode: in networks that
     * train well it stays between about 0.01 and 10 (0.6 to 2.5 for an MLP on the digits); at 100
     * an SGD step of learning rate 0.01 moves the layer's weights by 1, the size of the weights.
     */
    static final double EXPLODING_NORM = 100;
    /**
     * A layer whose median gradient norm is below this share of the largest layer's learns a
     * hundred times slower than it: its gradients vanish on the way back. Healthy layers differ by
     * less than 10x (a sigmoid's derivative is at most 0.25, so a deep sigmoid stack loses 4x or
     * more per layer).
     */
    static final double VANISHING_RATIO = 1e-2;
    /**
     * A ReLU layer with more than half its units dead (zero for every example of a batch) works
     * at under half its size; a healthy layer has almost none (0 to 10% measured).
     */
    static final double DEAD_UNITS_SHARE = 0.5;
    /**
     * A step that changes a layer's weights by more than a tenth of their size (the update ratio,
     * about 1e-3 in healthy training) overshoots: the weights cannot settle.
     */
    static final double HIGH_UPDATE_RATIO = 0.1;
    /** Steps under 1e-5 of the weights' size, a hundred times below the usual 1e-3, barely move them. */
    static final double LOW_UPDATE_RATIO = 1e-5;
    static final double TYPICAL_UPDATE_RATIO = 1e-3;

    private LayerChecks() {
    }

    static Optional<Diagnosis> explodingGradients(List<LayerFigures> layers) {
        List<LayerFigures> exploding = layers.stream().filter(layer -> layer.largestGradient() > EXPLODING_NORM).toList();
        if (exploding.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder evidence = new StringBuilder("Gradient norms above " + format(EXPLODING_NORM)
                + " (about 0.01 to 10 in a network that trains well): ");
        evidence.append(String.join("; ", exploding.stream().map(layer -> layer.label() + " median " + format(layer.medianGradient())
                + ", largest " + format(layer.largestGradient()) + ", first step " + format(layer.firstGradient())).toList()));
        evidence.append(".");
        return Optional.of(new Diagnosis(TrainingProblem.EXPLODING_GRADIENTS, evidence.toString(),
                "Initialise the weights for the activation (WeightInit.RELU for ReLU, WeightInit.XAVIER for tanh and sigmoid) rather"
                        + " than from a wide distribution, normalise the inputs (Standardizer) and the layers (batch normalisation,"
                        + " e.g. Mlps.classifier().batchNorm()), and clip gradients: .gradientNormalization(GradientNormalization"
                        + ".ClipL2PerLayer).gradientNormalizationThreshold(1) in the configuration. If the first step's gradients were"
                        + " normal and only later ones are large, the learning rate blew them up: lower it."));
    }

    static Optional<Diagnosis> vanishingGradients(List<LayerFigures> layers) {
        LayerFigures strongest = layers.stream().filter(LayerFigures::hasGradient)
                .max((a, b) -> Double.compare(a.medianGradient(), b.medianGradient())).orElse(null);
        if (strongest == null || !(strongest.medianGradient() > 0)) {
            return Optional.empty();
        }
        List<LayerFigures> vanishing = layers.stream()
                .filter(layer -> layer.hasGradient() && layer.medianGradient() < VANISHING_RATIO * strongest.medianGradient()).toList();
        if (vanishing.isEmpty()) {
            return Optional.empty();
        }
        LayerFigures weakest = vanishing.stream().min((a, b) -> Double.compare(a.medianGradient(), b.medianGradient())).orElseThrow();
        String evidence = "Median gradient norms fall from " + format(strongest.medianGradient()) + " in " + strongest.label() + " to "
                + format(weakest.medianGradient()) + " in " + weakest.label() + ", " + format(strongest.medianGradient() / weakest.medianGradient())
                + "x smaller; " + vanishing.size() + " of " + layers.size() + " layers get less than 1/" + format(1 / VANISHING_RATIO)
                + " of it: " + LayerFigures.labels(vanishing) + ".";
        return Optional.of(new Diagnosis(TrainingProblem.VANISHING_GRADIENTS, evidence,
                "Use ReLU rather than sigmoid or tanh in the hidden layers (with WeightInit.RELU), fewer layers, batch normalisation,"
                        + " or skip connections (a ComputationGraph); an adaptive updater such as Adam scales small gradients up,"
                        + " plain SGD does not."));
    }

    static Optional<Diagnosis> deadUnits(List<LayerFigures> layers) {
        List<LayerFigures> dead = layers.stream().filter(layer -> layer.relu() && layer.deadShare() > DEAD_UNITS_SHARE).toList();
        if (dead.isEmpty()) {
            return Optional.empty();
        }
        String evidence = "In the last epoch's sampled batches, units that gave zero for every example: " + String.join("; ",
                dead.stream().map(layer -> layer.label() + " " + percent(layer.deadShare()) + " of its units (" + percent(layer.zeroShare())
                        + " of all its outputs zero)").toList()) + ". A healthy ReLU layer has almost none dead and about half its outputs zero.";
        return Optional.of(new Diagnosis(TrainingProblem.DEAD_RELU_UNITS, evidence,
                "A dead unit passes no gradient, so it never recovers. Check the bias initialisation (a negative biasInit switches"
                        + " units off), lower the learning rate (one large step can push a unit below zero for every input), or use"
                        + " Activation.LEAKYRELU, which keeps a small gradient below zero."));
    }

    /** Evidence that the steps are too large, or empty. */
    static Optional<String> largeSteps(List<LayerFigures> layers) {
        LayerFigures fastest = LayerFigures.fastest(layers);
        if (fastest == null || !(fastest.medianUpdateRatio() > HIGH_UPDATE_RATIO)) {
            return Optional.empty();
        }
        return Optional.of("each step changed the weights of " + fastest.label() + " by " + percent(fastest.medianUpdateRatio())
                + " of their size (median update ratio " + format(fastest.medianUpdateRatio()) + "; about " + format(TYPICAL_UPDATE_RATIO)
                + " is usual)");
    }

    /** True when even the fastest-moving layer's steps are tiny; false without statistics. */
    static boolean tinySteps(List<LayerFigures> layers) {
        LayerFigures fastest = LayerFigures.fastest(layers);
        return fastest != null && fastest.medianUpdateRatio() < LOW_UPDATE_RATIO;
    }

    static String stepSizes(List<LayerFigures> layers) {
        LayerFigures fastest = LayerFigures.fastest(layers);
        return "the fastest-moving layer, " + fastest.label() + ", changes by " + format(fastest.medianUpdateRatio())
                + " of its size per step (median update ratio; about " + format(TYPICAL_UPDATE_RATIO) + " is usual)";
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
