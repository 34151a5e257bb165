package io.github.nbworkbench.deploy.graph;

import io.github.nbworkbench.layers.Im2colConvolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftPlus;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Turns DL4J layers and pre-processors into {@link InferenceStep}s, refusing what it cannot carry exactly. */
final class LayerTranslator {

    private static final String SUPPORTED = "supported are ConvolutionLayer, SubsamplingLayer (max, average), BatchNormalization, "
            + "DenseLayer, OutputLayer, DropoutLayer and ActivationLayer";

    /** The activations whose DL4J class alone says what they compute (ReLU's options are checked apart). */
    private static final Map<Class<? extends IActivation>, ActivationKind> KINDS = Map.of(
            ActivationLReLU.class, ActivationKind.LEAKY_RELU,
            ActivationELU.class, ActivationKind.ELU,
            ActivationSigmoid.class, ActivationKind.SIGMOID,
            ActivationTanH.class, ActivationKind.TANH,
            ActivationSoftPlus.class, ActivationKind.SOFTPLUS,
            ActivationSoftmax.class, ActivationKind.SOFTMAX);

    static String describe(int index, Layer layer) {
        String name = layer.getLayerName();
        String type = layer.getClass().getSimpleName();
        boolean defaultName = name == null || name.equals(String.valueOf(index)) || name.equals("layer" + index);
        return defaultName ? "layer " + index + " (" + type + ")" : "layer " + index + " '" + name + "' (" + type + ")";
    }

    /** Dense and output layers, not their recurrent or embedding relatives. */
    static boolean isPlainFeedForward(Layer layer) {
        return layer.getClass() == DenseLayer.class || layer.getClass() == OutputLayer.class;
    }

    List<InferenceStep> preProcessor(String layer, InputPreProcessor preProcessor, InputType input) {
        if (preProcessor instanceof FeedForwardToCnnPreProcessor images) {
            return List.of(new InferenceStep.Reshape(layer, new long[] {images.getNumChannels(), images.getInputHeight(), images.getInputWidth()}));
        }
        if (preProcessor instanceof CnnToFeedForwardPreProcessor flatten) {
            requireNchw(layer, flatten.getFormat());
            return List.of(new InferenceStep.Flatten(layer, input.arrayElementsPerExample()));
        }
        throw refused(layer, "its input pre-processor " + preProcessor.getClass().getSimpleName() + " is not supported");
    }

    List<InferenceStep> layer(String name, Layer layer, Map<String, INDArray> params, InputType input) {
        if (layer.getClass() == ConvolutionLayer.class || layer.getClass() == Im2colConvolution.class) {
            return withActivation(name, convolution(name, (ConvolutionLayer) layer, params, input), (BaseLayer) layer);
        }
        if (layer.getClass() == SubsamplingLayer.class) {
            return List.of(pooling(name, (SubsamplingLayer) layer, input));
        }
        if (layer.getClass() == BatchNormalization.class) {
            return List.of(batchNorm(name, (BatchNormalization) layer, params, input));
        }
        if (isPlainFeedForward(layer)) {
            if (layer instanceof DenseLayer dense && dense.hasLayerNorm()) {
                throw refused(name, "layer normalization is not supported");
            }
            return withActivation(name, new InferenceStep.Dense(name, fp32(params.get("W")), biasOf(params)), (BaseLayer) layer);
        }
        if (layer.getClass() == DropoutLayer.class) {
            return List.of();
        }
        if (layer.getClass() == ActivationLayer.class) {
            return activation(name, ((ActivationLayer) layer).getActivationFn(), input.getType() == InputType.Type.FF);
        }
        throw refused(name, SUPPORTED);
    }

    private InferenceStep convolution(String name, ConvolutionLayer conv, Map<String, INDArray> params, InputType input) {
        requireNchw(name, conv.getCnn2dDataFormat());
        Padding padding = padding(name, conv.getConvolutionMode(), conv.getKernelSize(), conv.getStride(), conv.getDilation(), conv.getPadding(), input);
        return new InferenceStep.Convolution(name, fp32(params.get("W")), biasOf(params), conv.getStride().clone(), conv.getDilation().clone(),
                padding.begin(), padding.end(), conv.getConvolutionMode() == ConvolutionMode.Same);
    }

    private InferenceStep pooling(String name, SubsamplingLayer pool, InputType input) {
        requireNchw(name, pool.getCnn2dDataFormat());
        PoolingType type = pool.getPoolingType();
        if (type != PoolingType.MAX && type != PoolingType.AVG) {
            throw refused(name, "pooling type " + type + " is not supported (MAX and AVG are)");
        }
        if (pool.getDilation()[0] != 1 || pool.getDilation()[1] != 1) {
            throw refused(name, "dilated pooling is not supported");
        }
        Padding padding = padding(name, pool.getConvolutionMode(), pool.getKernelSize(), pool.getStride(), pool.getDilation(), pool.getPadding(), input);
        if (type == PoolingType.AVG && padding.any()) {
            // Runtimes disagree on whether padded cells count in the average; refusing beats a silent difference
            throw refused(name, "average pooling with padding is not supported");
        }
        return new InferenceStep.Pooling(name, type == PoolingType.MAX, pool.getKernelSize().clone(), pool.getStride().clone(),
                padding.begin(), padding.end(), pool.getConvolutionMode() == ConvolutionMode.Same);
    }

    private InferenceStep batchNorm(String name, BatchNormalization norm, Map<String, INDArray> params, InputType input) {
        boolean spatial = input.getType() == InputType.Type.CNN;
        if (spatial) {
            requireNchw(name, norm.getCnn2DFormat());
        } else if (input.getType() != InputType.Type.FF) {
            throw refused(name, "batch normalization of " + input.getType() + " activations is not supported");
        }
        INDArray mean = vector(params.get("mean"));
        INDArray std = norm.isUseLogStd()
                ? Transforms.pow(Nd4j.valueArrayOf(mean.shape(), 10.0f), vector(params.get("log10stdev")), false)
                : Transforms.sqrt(vector(params.get("var")).add(norm.getEps()), false);
        INDArray gamma = norm.isLockGammaBeta() ? Nd4j.valueArrayOf(mean.shape(), (float) norm.getGamma()) : vector(params.get("gamma"));
        INDArray beta = norm.isLockGammaBeta() ? Nd4j.valueArrayOf(mean.shape(), (float) norm.getBeta()) : vector(params.get("beta"));
        INDArray scale = gamma.div(std);
        return new InferenceStep.ChannelAffine(name, scale, beta.sub(mean.mul(scale)), spatial);
    }

    private List<InferenceStep> withActivation(String name, InferenceStep step, BaseLayer layer) {
        List<InferenceStep> steps = new ArrayList<>();
        steps.add(step);
        steps.addAll(activation(name, layer.getActivationFn(), step instanceof InferenceStep.Dense));
        return steps;
    }

    /** {@code flat}: the activations are [batch, features], where softmax has one meaning everywhere. */
    private List<InferenceStep> activation(String name, IActivation activation, boolean flat) {
        if (activation instanceof ActivationIdentity) {
            return List.of();
        }
        if (activation instanceof ActivationSoftmax && !flat) {
            throw refused(name, "softmax is only supported on [batch, classes] activations, not on images");
        }
        return List.of(new InferenceStep.Activation(name, kindOf(name, activation), alphaOf(activation)));
    }

    private static ActivationKind kindOf(String name, IActivation activation) {
        if (activation instanceof ActivationReLU relu) {
            if (relu.getMax() != null || isNonZero(relu.getThreshold()) || isNonZero(relu.getNegativeSlope())) {
                throw refused(name, "ReLU with a maximum, threshold or negative slope is not supported");
            }
            return ActivationKind.RELU;
        }
        ActivationKind kind = KINDS.get(activation.getClass());
        if (kind == null) {
            throw refused(name, "its activation " + activation + " is not supported (identity and " + List.of(ActivationKind.values()) + " are)");
        }
        return kind;
    }

    private static double alphaOf(IActivation activation) {
        if (activation instanceof ActivationLReLU leaky) {
            return leaky.getAlpha();
        }
        return activation instanceof ActivationELU elu ? elu.getAlpha() : 0;
    }

    private static boolean isNonZero(Double value) {
        return value != null && value != 0.0;
    }

    /** Explicit padding: DL4J's own for Truncate and Strict, and for Same the split it uses (the odd cell at the end). */
    private static Padding padding(String name, ConvolutionMode mode, int[] kernel, int[] stride, int[] dilation, int[] explicit, InputType input) {
        if (mode == ConvolutionMode.Truncate || mode == ConvolutionMode.Strict) {
            return new Padding(explicit.clone(), explicit.clone());
        }
        if (mode != ConvolutionMode.Same) {
            throw refused(name, "convolution mode " + mode + " is not supported (Truncate, Strict and Same are)");
        }
        InputType.InputTypeConvolutional image = (InputType.InputTypeConvolutional) input;
        long[] size = {image.getHeight(), image.getWidth()};
        int[] begin = new int[2];
        int[] end = new int[2];
        for (int axis = 0; axis < 2; axis++) {
            long effectiveKernel = kernel[axis] + (long) (kernel[axis] - 1) * (dilation[axis] - 1);
            long outSize = (size[axis] + stride[axis] - 1) / stride[axis];
            long total = Math.max(0, (outSize - 1) * stride[axis] + effectiveKernel - size[axis]);
            begin[axis] = (int) (total / 2);
            end[axis] = (int) (total - total / 2);
        }
        return new Padding(begin, end);
    }

    private record Padding(int[] begin, int[] end) {
        boolean any() {
            return begin[0] + begin[1] + end[0] + end[1] > 0;
        }
    }

    private static void requireNchw(String name, CNN2DFormat format) {
        if (format != null && format != CNN2DFormat.NCHW) {
            throw refused(name, "only NCHW images are supported, this layer is " + format);
        }
    }

    private static INDArray biasOf(Map<String, INDArray> params) {
        return params.containsKey("b") ? vector(params.get("b")) : null;
    }

    private static INDArray fp32(INDArray param) {
        return param.castTo(DataType.FLOAT).dup();
    }

    private static INDArray vector(INDArray param) {
        return fp32(param).reshape(param.length());
    }

    private static IllegalArgumentException refused(String layer, String why) {
        return new IllegalArgumentException("Cannot carry " + layer + " to an inference graph: " + why
                + ". Nothing was written; keep this network in DL4J or replace the layer.");
    }
}
