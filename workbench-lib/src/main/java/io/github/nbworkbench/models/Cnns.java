package io.github.nbworkbench.models;

import io.github.nbworkbench.data.LabeledDataset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Convolutional networks for image classification, sized from the data:
 *
 * <pre>{@code
 * MultiLayerNetwork net = Cnns.classic(train);                          // shapes from the dataset
 * MultiLayerNetwork net = Cnns.classic(new ImageShape(28, 28, 1), 10);  // or explicit
 * MultiLayerNetwork net = Cnns.strong().learningRate(5e-4).seed(7).build(train);
 * }</pre>
 *
 * Both use Adam and categorical cross-entropy on a softmax output; defaults are learning rate
 * {@value CnnBuilder#DEFAULT_LEARNING_RATE} and seed {@value CnnBuilder#DEFAULT_SEED}.
 */
public final class Cnns {

    private Cnns() {
    }

    /**
     * The classic TensorFlow/Keras MNIST example: conv 3x3x32 (relu), max-pool 2x2, flatten,
     * dense 128 (relu), dense softmax. Small and quick.
     */
    public static CnnBuilder classic() {
        return new CnnBuilder(CnnArchitecture.CLASSIC);
    }

    /**
     * Two convolution blocks, each [conv 3x3 - batch norm - relu] x2, max-pool 2x2, dropout 0.25, with
     * 32 then 64 filters ("same" padding); then dense 128 (relu), dropout 0.5, dense softmax. Slower,
     * more accurate, overfits less.
     */
    public static CnnBuilder strong() {
        return new CnnBuilder(CnnArchitecture.STRONG);
    }

    /** {@link #classic()} with the default settings, for images of {@code shape} and {@code numClasses} classes. */
    public static MultiLayerNetwork classic(ImageShape shape, int numClasses) {
        return classic().build(shape, numClasses);
    }

    /** {@link #classic()} with the default settings, sized for {@code data}. */
    public static MultiLayerNetwork classic(LabeledDataset data) {
        return classic().build(data);
    }

    /** {@link #strong()} with the default settings, for images of {@code shape} and {@code numClasses} classes. */
    public static MultiLayerNetwork strong(ImageShape shape, int numClasses) {
        return strong().build(shape, numClasses);
    }

    /** {@link #strong()} with the default settings, sized for {@code data}. */
    public static MultiLayerNetwork strong(LabeledDataset data) {
        return strong().build(data);
    }
}
