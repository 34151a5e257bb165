package io.github.nbworkbench.diagnose;

/**
 * What {@link TrainingStatistics} measured on one layer in one sampled training step. A value that
 * does not apply to the layer is NaN: the norms of a layer without parameters, the zero and dead
 * shares of a layer whose activation is not ReLU.
 *
 * @param epoch          the epoch of the step, 1-based
 * @param batch          the batch of the step within its epoch, 1-based
 * @param layerIndex     the layer's position in the network (a ComputationGraph's topological order)
 * @param layer          the layer's name: its configured name, else {@code "layer <index>"}
 * @param type           the layer's configuration class, e.g. {@code DenseLayer}
 * @param gradientNorm   the L2 norm of the layer's gradient of the batch's mean loss, before the
 *                       updater (no clipping, regularisation or learning rate applied)
 * @param parameterNorm  the L2 norm of the layer's parameters after the step
 * @param updateRatio    the L2 norm of the step's change of the parameters over {@code parameterNorm}
 * @param zeroShare      the share of the layer's outputs on the batch that are exactly zero
 * @param deadShare      the share of the layer's units that are zero for every example of the batch
 *                       (a unit of a convolution layer is a channel, at every position)
 */
public record LayerSample(int epoch, long batch, int layerIndex, String layer, String type, double gradientNorm,
        double parameterNorm, double updateRatio, double zeroShare, double deadShare) {

    /** The layer as a sentence names it: {@code layer 2 (DenseLayer)}, or the configured name. */
    public String label() {
        return layer.equals("layer " + layerIndex) ? layer + " (" + type + ")" : layer + " (layer " + layerIndex + ", " + type + ")";
    }

    boolean isRelu() {
        return !Double.isNaN(deadShare);
    }
}
