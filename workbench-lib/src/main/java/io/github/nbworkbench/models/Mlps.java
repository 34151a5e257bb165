package io.github.nbworkbench.models;

import io.github.nbworkbench.data.LabeledDataset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Multilayer perceptrons (dense layers) for tables, or any features, sized from the data:
 *
 * <pre>{@code
 * MultiLayerNetwork net = Mlps.classifier(train);                         // 2 hidden layers of 64, softmax over the classes
 * MultiLayerNetwork net = Mlps.classifier().hiddenSizes(128, 64).dropout(0.2).l2(1e-4).batchNorm().build(train);
 * MultiLayerNetwork net = Mlps.regressor().hiddenSizes(32).build(prices);   // identity output, mean squared error
 * }</pre>
 *
 * Input size from the data's features (images are flattened), outputs from its classes or target
 * columns; Adam with learning rate {@value MlpBuilder#DEFAULT_LEARNING_RATE}, seed {@value MlpBuilder#DEFAULT_SEED}.
 */
public final class Mlps {

    private Mlps() {
    }

    /** A classifier: softmax output over the classes, categorical cross-entropy. */
    public static MlpBuilder classifier() {
        return new MlpBuilder(OutputHead.CLASSES);
    }

    /** A regressor: identity output, one unit per target column, mean squared error. */
    public static MlpBuilder regressor() {
        return new MlpBuilder(OutputHead.TARGETS);
    }

    /** {@link #classifier()} with the default settings, sized for {@code data}. */
    public static MultiLayerNetwork classifier(LabeledDataset data) {
        return classifier().build(data);
    }

    /** {@link #regressor()} with the default settings, sized for {@code data}. */
    public static MultiLayerNetwork regressor(LabeledDataset data) {
        return regressor().build(data);
    }
}
