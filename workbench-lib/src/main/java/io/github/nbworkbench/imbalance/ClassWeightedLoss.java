package io.github.nbworkbench.imbalance;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossNegativeLogLikelihood;
import org.nd4j.linalg.lossfunctions.impl.LossSparseMCXENT;

/**
 * Puts class weights into the cross-entropy loss of a network's output layer ({@code OutputLayer}
 * or {@code RnnOutputLayer}), on a network already built and initialised:
 *
 * <pre>{@code
 * MultiLayerNetwork net = ClassWeightedLoss.apply(Cnns.classic(train), ClassWeights.balanced(train));
 * }</pre>
 *
 * <p>The loss becomes the mean over the batch of {@code weight[class] * -log p(class)} (over every
 * time step for a recurrent output): DL4J divides by the number of examples, not by the sum of their
 * weights as PyTorch's weighted mean does, so weights scale the loss value and the gradient alike;
 * {@link ClassWeights#balanced} keeps their mean over the examples at 1. Only the loss function is
 * replaced, with the same kind and settings; the weights and the rest of the network stay as they
 * are, and the weights are saved with the network's configuration.
 */
public final class ClassWeightedLoss {

    private ClassWeightedLoss() {
    }

    /** Weights the loss of the network's output layer; returns the same network. */
    public static MultiLayerNetwork apply(MultiLayerNetwork net, ClassWeights weights) {
        requireInitialised(net.getLayers() == null);
        Layer output = net.getLayer(net.getnLayers() - 1);
        weigh(output, "the last layer (" + output.getIndex() + ")", weights);
        return net;
    }

    /** Weights the loss of the graph's only output layer; returns the same graph. */
    public static ComputationGraph apply(ComputationGraph graph, ClassWeights weights) {
        requireInitialised(graph.getLayers() == null);
        List<String> outputs = graph.getConfiguration().getNetworkOutputs();
        if (outputs.size() != 1) {
            throw new IllegalArgumentException("The graph has " + outputs.size() + " outputs " + outputs
                    + "; name the one to weight with apply(graph, outputName, weights).");
        }
        return apply(graph, outputs.get(0), weights);
    }

    /** Weights the loss of the graph's output layer named {@code outputName}; returns the same graph. */
    public static ComputationGraph apply(ComputationGraph graph, String outputName, ClassWeights weights) {
        requireInitialised(graph.getLayers() == null);
        List<String> outputs = graph.getConfiguration().getNetworkOutputs();
        if (!outputs.contains(outputName)) {
            throw new IllegalArgumentException("'" + outputName + "' is not an output of the graph; its outputs are " + outputs + ".");
        }
        weigh(graph.getLayer(outputName), "output '" + outputName + "'", weights);
        return graph;
    }

    private static void weigh(Layer layer, String description, ClassWeights weights) {
        org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
        if (!(conf instanceof BaseOutputLayer outputConf)) {
            throw new IllegalArgumentException(description + " is a " + conf.getClass().getSimpleName()
                    + ", not an output layer with a loss function (OutputLayer, RnnOutputLayer).");
        }
        if (outputConf.getNOut() != weights.numClasses()) {
            throw new IllegalArgumentException("Got " + weights.numClasses() + " class weights for " + description + " with "
                    + outputConf.getNOut() + " outputs; pass one weight per output, in class order (weights: " + weights + ").");
        }
        outputConf.setLossFn(weighted(outputConf.getLossFn(), weights.toINDArray(layer.params().dataType()), description));
    }

    /** The same kind of loss, with its clipping setting kept, and with the weights. */
    private static ILossFunction weighted(ILossFunction loss, INDArray weights, String description) {
        Class<?> kind = loss.getClass();
        if (kind == LossMCXENT.class) {
            return new LossMCXENT(((LossMCXENT) loss).getSoftmaxClipEps(), weights);
        }
        if (kind == LossNegativeLogLikelihood.class) {
            LossNegativeLogLikelihood weighted = new LossNegativeLogLikelihood(weights);
            weighted.setSoftmaxClipEps(((LossMCXENT) loss).getSoftmaxClipEps());
            return weighted;
        }
        if (kind == LossSparseMCXENT.class) {
            return new LossSparseMCXENT(((LossMCXENT) loss).getSoftmaxClipEps(), weights);
        }
        throw new IllegalArgumentException(description + " uses the loss " + kind.getSimpleName()
                + "; class weights apply to a classification cross-entropy only: LossFunction.MCXENT,"
                + " NEGATIVELOGLIKELIHOOD or SPARSE_MCXENT, on a softmax output.");
    }

    private static void requireInitialised(boolean notInitialised) {
        if (notInitialised) {
            throw new IllegalStateException("The network is not initialised; call init() before weighting its loss.");
        }
    }
}
