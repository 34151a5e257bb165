package io.github.nbworkbench.compute;

import io.github.nbworkbench.models.CausalSelfAttention;
import io.github.nbworkbench.layers.Im2colConvolution;
import io.github.nbworkbench.models.ModelSummary;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

/**
 * One layer's FLOPs per example, from its configuration and its output shape. A FLOP is one
 * multiplication or addition, so a multiply-add is 2. Counted: the products with the weights, which
 * dominate (O(inputs x outputs) per output against O(outputs) for the rest); biases, activation
 * functions, normalisation inside attention blocks, dropout masks and the loss are not.
 *
 * @param type     the layer's type, e.g. {@code DenseLayer} (the frozen layer's, for a frozen one)
 * @param forward  FLOPs of one example's forward pass, NaN when the layer type is not counted
 * @param training FLOPs of one example's forward and backward pass: {@link Flops#TRAINING_PER_FORWARD}
 *                 x forward, or the forward pass alone for a frozen layer (DL4J passes no gradient through it)
 */
record LayerFlops(int index, String type, double forward, double training) {

    static LayerFlops of(int index, Layer layer, InputType output) {
        Layer counted = ModelSummary.unfrozen(layer);
        double forward = forwardFlops(counted, output);
        return new LayerFlops(index, counted.getClass().getSimpleName(), forward,
                ModelSummary.isFrozen(layer) ? forward : Flops.TRAINING_PER_FORWARD * forward);
    }

    boolean counted() {
        return !Double.isNaN(forward);
    }

    private static double forwardFlops(Layer layer, InputType output) {
        Class<?> type = layer.getClass();
        if (type == DenseLayer.class || type == OutputLayer.class) {
            // y = W x: nIn x nOut multiply-adds
            FeedForwardLayer dense = (FeedForwardLayer) layer;
            return 2.0 * dense.getNIn() * dense.getNOut();
        }
        if (type == RnnOutputLayer.class) {
            // the dense product at every time step
            RnnOutputLayer dense = (RnnOutputLayer) layer;
            return 2.0 * dense.getNIn() * dense.getNOut() * timeSteps(output, layer);
        }
        if (type == ConvolutionLayer.class || type == Im2colConvolution.class) {
            // each output value (H x W x nOut of them) sums kH x kW x nIn products
            ConvolutionLayer conv = (ConvolutionLayer) layer;
            InputType.InputTypeConvolutional out = (InputType.InputTypeConvolutional) output;
            int[] kernel = conv.getKernelSize();
            return 2.0 * out.getHeight() * out.getWidth() * conv.getNOut() * conv.getNIn() * kernel[0] * kernel[1];
        }
        if (type == Convolution1DLayer.class) {
            // each output value (T x nOut of them) sums k x nIn products
            Convolution1DLayer conv = (Convolution1DLayer) layer;
            return 2.0 * timeSteps(output, layer) * conv.getNOut() * conv.getNIn() * conv.getKernelSize()[0];
        }
        if (type == SubsamplingLayer.class) {
            // no multiplications: one comparison (max) or addition (average) per value of each window
            int[] kernel = ((SubsamplingLayer) layer).getKernelSize();
            return (double) output.arrayElementsPerExample() * kernel[0] * kernel[1];
        }
        if (type == BatchNormalization.class) {
            // y = a x + b per value, a and b per channel (the batch's mean and variance add a few more per value in training)
            return 2.0 * output.arrayElementsPerExample();
        }
        if (layer instanceof LSTM lstm) {
            // per time step, 4 gates each multiply the input (nIn) and the previous output (nOut) by their weights
            // (DL4J's LSTM and FusedLstm alike)
            return 2.0 * 4 * lstm.getNOut() * (lstm.getNIn() + lstm.getNOut()) * timeSteps(output, layer);
        }
        if (type == CausalSelfAttention.class) {
            // per position, 12 d^2 multiply-adds: 4 projections of d x d (query, key, value, out) and the feed-forward
            // network's d x 4d and 4d x d; per pair of positions, 2 d: the scores q.k and the weighted sum of the values
            // (the causal mask is applied to the full T x T scores, so every pair is computed)
            long d = ((CausalSelfAttention) layer).getSize();
            long steps = timeSteps(output, layer);
            return 2.0 * (12 * d * d * steps + 2 * d * steps * steps);
        }
        if (type == DropoutLayer.class || type == ActivationLayer.class) {
            return 0;    // element-wise only
        }
        return Double.NaN;
    }

    private static long timeSteps(InputType output, Layer layer) {
        long steps = output instanceof InputType.InputTypeRecurrent recurrent ? recurrent.getTimeSeriesLength() : -1;
        if (steps <= 0) {
            throw new IllegalArgumentException("Counting the FLOPs of " + layer.getClass().getSimpleName() + " needs the sequence length:"
                    + " give the input as InputType.recurrent(features, timeSteps), or a batch of sequences");
        }
        return steps;
    }
}
