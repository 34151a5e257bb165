package io.github.nbworkbench.deploy;

import io.github.nbworkbench.train.LabelWidth;
import java.util.Arrays;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The student's loss in knowledge distillation (Hinton et al., 2015), on a softmax output with
 * logits z: {@code alpha * T² * CE(teacher_T, softmax(z / T)) + (1 - alpha) * CE(labels, softmax(z))},
 * where teacher_T is the teacher's distribution softened at temperature T. The student is softened
 * at the same temperature, so it learns the teacher's logits up to a constant, not a flattened copy of
 * its probabilities; T² keeps the soft term's gradients as large as the hard term's.
 *
 * <p>Its labels are [teacher_T | labels], 2K columns for K classes, as {@link Distillation} makes
 * them. Given plain K-column labels (validation, or later training) it is the ordinary softmax
 * cross-entropy, so a distilled network trains and evaluates as any other.
 */
public final class DistillationLoss implements ILossFunction, LabelWidth {

    private static final long serialVersionUID = 1L;

    private double temperature;
    private double alpha;

    /** For DL4J's JSON configuration; use {@link #DistillationLoss(double, double)}. */
    public DistillationLoss() {
        this(1, 0);
    }

    public DistillationLoss(double temperature, double alpha) {
        this.temperature = temperature;
        this.alpha = alpha;
    }

    public double getTemperature() {
        return temperature;
    }

    public void setTemperature(double temperature) {
        this.temperature = temperature;
    }

    public double getAlpha() {
        return alpha;
    }

    public void setAlpha(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask, boolean average) {
        double total = computeScoreArray(labels, preOutput, activation, mask).sumNumber().doubleValue();
        return average ? total / preOutput.size(0) : total;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        Targets targets = Targets.of(labels, preOutput, activation);
        INDArray perExample = crossEntropy(targets.hard(), logSoftmax(preOutput, 1));
        if (targets.soft() != null) {
            INDArray soft = crossEntropy(targets.soft(), logSoftmax(preOutput, temperature)).muli(alpha * temperature * temperature);
            perExample.muli(1 - alpha).addi(soft);
        }
        return mask == null ? perExample : perExample.muli(mask.reshape(perExample.shape()));
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        Targets targets = Targets.of(labels, preOutput, activation);
        INDArray gradient = Transforms.exp(logSoftmax(preOutput, 1), false).subi(targets.hard());
        if (targets.soft() != null) {
            INDArray soft = Transforms.exp(logSoftmax(preOutput, temperature), false).subi(targets.soft()).muli(alpha * temperature);
            gradient.muli(1 - alpha).addi(soft);
        }
        return mask == null ? gradient : gradient.muliColumnVector(mask.reshape(mask.length(), 1));
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask,
                                                          boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activation, mask, average), computeGradient(labels, preOutput, activation, mask));
    }

    /** [teacher | labels]: twice the output's columns. */
    @Override
    public long labelColumns(long outputColumns) {
        return 2 * outputColumns;
    }

    @Override
    public String name() {
        return toString();
    }

    @Override
    public String toString() {
        return "DistillationLoss(temperature=" + temperature + ", alpha=" + alpha + ")";
    }

    /** log softmax(z / t) per row, computed from the shifted logits so that exp cannot overflow. */
    private static INDArray logSoftmax(INDArray logits, double t) {
        INDArray scaled = logits.div(t);
        scaled.subiColumnVector(scaled.max(true, 1));
        INDArray logSum = Transforms.log(Transforms.exp(scaled, true).sum(true, 1), false);
        return scaled.subiColumnVector(logSum);
    }

    private static INDArray crossEntropy(INDArray targets, INDArray logProbabilities) {
        return targets.mul(logProbabilities).sum(1).negi();
    }

    /** The label columns split into the teacher's (null for plain labels) and the true ones. */
    private record Targets(INDArray soft, INDArray hard) {

        static Targets of(INDArray labels, INDArray preOutput, IActivation activation) {
            if (!(activation instanceof ActivationSoftmax)) {
                throw new IllegalArgumentException("DistillationLoss needs a softmax output layer, this one has " + activation);
            }
            long classes = preOutput.size(1);
            INDArray targets = labels.castTo(preOutput.dataType());
            if (labels.size(1) == classes) {
                return new Targets(null, targets);
            }
            if (labels.size(1) != 2 * classes) {
                throw new IllegalArgumentException("DistillationLoss takes labels of " + classes + " columns, or " + 2 * classes
                        + " ([teacher | labels], as Distillation makes them), got shape " + Arrays.toString(labels.shape()));
            }
            return new Targets(targets.get(NDArrayIndex.all(), NDArrayIndex.interval(0, classes)),
                    targets.get(NDArrayIndex.all(), NDArrayIndex.interval(classes, 2 * classes)));
        }
    }
}
