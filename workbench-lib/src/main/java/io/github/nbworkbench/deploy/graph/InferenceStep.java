package io.github.nbworkbench.deploy.graph;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One step of an {@link InferenceGraph}: what a layer computes at inference, in terms every runtime
 * has (no dropout, batch norm folded to a per-channel scale and shift). Images are NCHW; weights are
 * FP32 copies, detached from the network.
 */
public sealed interface InferenceStep {

    /** The DL4J layer this step comes from ("layer 3 (ConvolutionLayer)"), for node names and messages. */
    String layer();

    <T> T accept(Visitor<T> visitor);

    /** One method per kind of step, so that a runtime that misses one does not compile. */
    interface Visitor<T> {
        T reshape(Reshape step);

        T flatten(Flatten step);

        T convolution(Convolution step);

        T pooling(Pooling step);

        T channelAffine(ChannelAffine step);

        T dense(Dense step);

        T activation(Activation step);
    }

    /** Reshapes each example to {@code shape} (without the batch axis). */
    record Reshape(String layer, long[] shape) implements InferenceStep {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.reshape(this);
        }
    }

    /** Flattens each NCHW example to one row of {@code features} in C, H, W order, as DL4J's CnnToFeedForwardPreProcessor does. */
    record Flatten(String layer, long features) implements InferenceStep {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.flatten(this);
        }
    }

    /**
     * 2D convolution. {@code weights} are [out, in, kH, kW]; {@code bias} is [out] or null. Padding is
     * explicit ({@code padsBegin} top/left, {@code padsEnd} bottom/right), worked out from the input size
     * for DL4J's "Same" mode, which {@code sameMode} records for runtimes that compute it themselves.
     */
    record Convolution(String layer, INDArray weights, INDArray bias, int[] strides, int[] dilations,
                       int[] padsBegin, int[] padsEnd, boolean sameMode) implements InferenceStep {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.convolution(this);
        }
    }

    /** Max or average pooling over {@code kernel} windows (padding as for {@link Convolution}). */
    record Pooling(String layer, boolean max, int[] kernel, int[] strides, int[] padsBegin, int[] padsEnd,
                   boolean sameMode) implements InferenceStep {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.pooling(this);
        }
    }

    /**
     * {@code x * scale + shift} per channel: batch normalization at inference. {@code scale} and
     * {@code shift} are [channels]; {@code spatial} when the input is NCHW rather than [batch, channels].
     */
    record ChannelAffine(String layer, INDArray scale, INDArray shift, boolean spatial) implements InferenceStep {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.channelAffine(this);
        }
    }

    /** {@code x · weights + bias}; weights [in, out], bias [out] or null. */
    record Dense(String layer, INDArray weights, INDArray bias) implements InferenceStep {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.dense(this);
        }
    }

    /** An element-wise activation, or softmax over the last axis. {@code alpha} for leaky ReLU and ELU. */
    record Activation(String layer, ActivationKind kind, double alpha) implements InferenceStep {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.activation(this);
        }
    }
}
