package io.github.nbworkbench.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * DL4J's {@link ConvolutionLayer} (same settings, parameters, forward pass and JSON apart from the
 * class name) with a faster backward pass for NCHW images: the gradients come from im2col and
 * batched matrix products instead of oneDNN's backward convolution, and the input gradient is left
 * out where nothing needs it. Build it from DL4J's builder:
 *
 * <pre>{@code
 * new Im2colConvolution(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU)).withoutInputGradient()
 * }</pre>
 *
 * <p>Why: on the classic MNIST CNN (batch 128, one thread) oneDNN's backward convolution with one
 * input channel ran Winograd kernels plus layout reorders, about 17 ms per step, and DL4J's ReLU
 * derivative ({@code relu_bp}) another 5 ms; here the weight gradient is one batched product over
 * the im2col patches, the ReLU derivative a step function times the error.
 *
 * <p>{@link #withoutInputGradient()} is for the first layer of a network fed images directly: it
 * skips the gradient with respect to the input (as large as the forward pass), which training
 * never uses. Such a network then returns no input gradient from DL4J's
 * {@code calculateGradients}. Other data formats, dilation, layers without bias, dropout on the
 * input and weight noise take DL4J's own backward pass.
 */
public class Im2colConvolution extends ConvolutionLayer implements InputGradientOption {

    private boolean inputGradient = true;

    /** For DL4J's JSON (de)serialisation. */
    protected Im2colConvolution() {
    }

    /** The layer DL4J's {@code settings.build()} would give, with this class's backward pass. */
    public Im2colConvolution(ConvolutionLayer.Builder settings) {
        super(settings);
        settings.build(); // DL4J's checks of kernel, stride and padding
    }

    /** Computes no gradient for the layer's input: for the first layer of a network whose input is the images themselves. */
    public Im2colConvolution withoutInputGradient() {
        this.inputGradient = false;
        return this;
    }

    @Override
    public boolean isInputGradient() {
        return inputGradient;
    }

    public void setInputGradient(boolean inputGradient) {
        this.inputGradient = inputGradient;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index, INDArray paramsView,
            boolean initializeParams, DataType dataType) {
        Trainable layer = new Trainable(conf, dataType);
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(initializer().init(conf, paramsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    /** The layer at run time: DL4J's, with the backward pass replaced where it applies. */
    static final class Trainable extends org.deeplearning4j.nn.layers.convolution.ConvolutionLayer {

        private static final ActivationReLU PLAIN_RELU = new ActivationReLU();

        Trainable(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        private Im2colConvolution settings() {
            return (Im2colConvolution) layerConf();
        }

        private boolean handledHere() {
            Im2colConvolution s = settings();
            return s.getCnn2dDataFormat() == CNN2DFormat.NCHW && s.getDilation()[0] == 1 && s.getDilation()[1] == 1 && s.hasBias()
                    && s.getIDropout() == null && s.getWeightNoise() == null;
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            if (!handledHere()) {
                return super.backpropGradient(epsilon, workspaceMgr);
            }
            assertInputSet(true);
            Im2colConvolution s = settings();
            INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, workspaceMgr);
            long examples = input.size(0);
            long channels = input.size(1);
            int height = (int) input.size(2);
            int width = (int) input.size(3);
            long filters = weights.size(0);
            int[] kernel = s.getKernelSize();
            int[] stride = s.getStride();
            int[] dilation = s.getDilation();
            boolean same = s.getConvolutionMode() == ConvolutionMode.Same;
            int[] outSize = ConvolutionUtils.getOutputSize(input, kernel, stride, same ? null : s.getPadding(), s.getConvolutionMode(),
                    dilation, CNN2DFormat.NCHW);
            int[] pad = same ? ConvolutionUtils.getSameModeTopLeftPadding(outSize, new int[] {height, width}, kernel, stride, dilation)
                    : s.getPadding();
            long positions = (long) outSize[0] * outSize[1];
            long patch = channels * kernel[0] * kernel[1];
            long[] colShape = {examples, channels, kernel[0], kernel[1], outSize[0], outSize[1]};

            // the forward pass's pre-activation (cached by DL4J when the network's cache mode is not NONE)
            INDArray preActivation = preOutput4d(true, true, workspaceMgr).getFirst();
            INDArray delta = contiguous(activationDerivativeTimes(s.getActivationFn(), preActivation, epsilon))
                    .reshape('c', examples, filters, positions);

            INDArray col = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, input.dataType(), colShape, 'c');
            Convolution.im2col(input, kernel[0], kernel[1], stride[0], stride[1], pad[0], pad[1], 1, 1, same, col);
            INDArray patches = col.reshape('c', examples, patch, positions);

            // dW = sum over examples of delta[n] x patches[n]^T; db = sum of delta over examples and positions
            INDArray perExample = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, input.dataType(),
                    new long[] {examples, filters, patch}, 'c');
            Nd4j.matmul(delta, patches, perExample, false, true, false);
            INDArray weightGrad = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
            perExample.sum(weightGrad.reshape('c', filters, patch), 0);
            INDArray biasGrad = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
            // the sum over positions as a matrix-vector product: a reduction over two non-adjacent axes is 4x slower
            INDArray ones = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, input.dataType(), new long[] {positions, 1}, 'c')
                    .assign(1);
            delta.reshape('c', examples * filters, positions).mmul(ones).reshape('c', examples, filters).sum(biasGrad.reshape(filters), 0);

            Gradient gradient = new DefaultGradient();
            gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGrad);
            gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGrad, 'c');
            weightNoiseParams.clear();
            if (!s.isInputGradient()) {
                return new Pair<>(gradient, null);
            }
            // dX = col2im of W^T x delta[n] for every example
            INDArray colGrad = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, input.dataType(), colShape, 'c');
            INDArray weightsPerExample = weights.reshape('c', 1, filters, patch).broadcast(examples, filters, patch);
            Nd4j.matmul(weightsPerExample, delta, colGrad.reshape('c', examples, patch, positions), true, false, false);
            INDArray inputGrad = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
            Convolution.col2im(colGrad, inputGrad, stride[0], stride[1], pad[0], pad[1], height, width, 1, 1);
            return new Pair<>(gradient, inputGrad);
        }

        /**
         * {@code epsilon} times the activation's derivative at {@code preActivation}, overwriting
         * {@code preActivation} as DL4J's activations do. For plain ReLU a step function and a product:
         * DL4J's {@code relu_bp} op took 5 ms per step on the classic CNN, these two 1 ms.
         */
        private static INDArray activationDerivativeTimes(IActivation activation, INDArray preActivation, INDArray epsilon) {
            if (PLAIN_RELU.equals(activation)) {
                return Transforms.step(preActivation, false).muli(epsilon);
            }
            return activation.backprop(preActivation, epsilon).getFirst();
        }

        private static INDArray contiguous(INDArray array) {
            return array.ordering() == 'c' && Shape.hasDefaultStridesForShape(array) ? array : array.dup('c');
        }
    }
}
