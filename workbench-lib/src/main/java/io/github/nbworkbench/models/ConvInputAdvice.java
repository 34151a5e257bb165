package io.github.nbworkbench.models;

import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * What a convolutional network wants instead of the features it was given, in the library's terms:
 * the image size it was built for against the data's ("expects 28x28, got 8x8"), and the library call
 * that fixes it ({@code Cnns.classic(data)} sizes a network from the data, {@code LabeledDataset.asImages}
 * turns flat rows into images).
 *
 * <p>The size a network expects is found from its layers, without running it: the smallest square
 * image for which every dense layer's input size matches the one it was built with.
 */
public final class ConvInputAdvice {

    private static final int LARGEST_SIDE = 1024;

    private ConvInputAdvice() {
    }

    /**
     * The problem and its fix when {@code model} is a {@link MultiLayerNetwork} taking images and
     * {@code featureShape} ({@code [N, ...]}) does not fit it; empty for other models.
     */
    public static Optional<String> forShape(Model model, long[] featureShape) {
        if (!(model instanceof MultiLayerNetwork network) || network.getLayerWiseConfigurations() == null) {
            return Optional.empty();
        }
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        Layer first = conf.getConf(0).getLayer();
        InputPreProcessor preProcessor = conf.getInputPreProcess(0);
        if (preProcessor instanceof FeedForwardToCnnPreProcessor flat) {
            ImageShape expected = new ImageShape((int) flat.getInputHeight(), (int) flat.getInputWidth(), (int) flat.getNumChannels());
            return Optional.of(flatInputAdvice(expected, featureShape));
        }
        if (first instanceof ConvolutionLayer conv && !(first instanceof Convolution1DLayer)) {
            int channels = (int) conv.getNIn();
            return Optional.of(imageAdvice(conf, channels, expectedSide(conf, channels), featureShape));
        }
        return Optional.empty();
    }

    private static String imageAdvice(MultiLayerConfiguration conf, int channels, Optional<Integer> side, long[] shape) {
        String expects = side.map(s -> "expects " + s + "x" + s + " images with " + channels + " channel" + (channels == 1 ? "" : "s")
                + " [?, " + channels + ", " + s + ", " + s + "]").orElse("takes images with " + channels + " channel"
                + (channels == 1 ? "" : "s") + " [?, " + channels + ", height, width]");
        if (shape.length == 4 && shape[1] != channels && shape[3] == channels) {
            return "The network " + expects + "; the data look channels-last [N, height, width, channels]. Fix: features.permute(0, 3, 1, 2)"
                    + " gives [N, " + shape[3] + ", " + shape[1] + ", " + shape[2] + "].";
        }
        if (shape.length == 4 && shape[1] != channels) {
            return "The network " + expects + ", got " + shape[1] + " channels. Fix: Cnns.classic(data) sizes the network from the data;"
                    + " or read the images with " + channels + " channel" + (channels == 1 ? "" : "s")
                    + (channels == 1 ? " (ImageFolder.of(root).grayscale())" : channels == 3 ? " (ImageFolder.of(root).rgb())" : "") + ".";
        }
        if (shape.length == 4) {
            String got = shape[2] + "x" + shape[3];
            return "The network " + expects + ", got " + got + ". Fix: Cnns.classic(data) (or Cnns.strong(data)) sizes the network from"
                    + " the data, or resize the images" + side.map(s -> " to " + s + "x" + s + " (ImageFolder.of(root).size(" + s + ", " + s
                    + "))").orElse("") + ".";
        }
        if (shape.length == 2) {
            long values = shape[1];
            if (side.isPresent() && values == (long) channels * side.get() * side.get()) {
                int s = side.get();
                return "The data are flat rows [?, " + values + "]; the network " + expects + ". Fix: data.asImages(" + channels + ", " + s
                        + ", " + s + ") reshapes each row into an image (LabeledDataset.asImages).";
            }
            return "The data are flat rows [?, " + values + "]; the network " + expects + ". Fix: reshape each row into an image with "
                    + squareSide(values, channels).map(q -> "data.asImages(" + channels + ", " + q + ", " + q + ")")
                            .orElse("data.asImages(channels, height, width)")
                    + ", then let Cnns.classic(data) size the network from the data.";
        }
        return "The network " + expects + ", got features of rank " + shape.length + ".";
    }

    private static String flatInputAdvice(ImageShape expected, long[] shape) {
        String expects = "expects " + expected.height() + "x" + expected.width() + " images with " + expected.channels() + " channel"
                + (expected.channels() == 1 ? "" : "s") + " as flat rows [?, " + expected.size() + "]";
        if (shape.length == 2) {
            return "The network " + expects + ", got rows of " + shape[1] + " values"
                    + squareSide(shape[1], expected.channels()).map(q -> " (" + q + "x" + q + " images?)").orElse("")
                    + ". Fix: Cnns.classic(data) sizes the network from the data.";
        }
        if (shape.length == 4) {
            return "The network " + expects + ", got images [?, " + shape[1] + ", " + shape[2] + ", " + shape[3] + "] (" + shape[2] + "x"
                    + shape[3] + "). Fix: Cnns.classic(data) sizes the network from the data" + (shape[1] * shape[2] * shape[3] == expected.size()
                    ? ", or data.flat() gives the flat rows it takes." : ".");
        }
        return "The network " + expects + ", got features of rank " + shape.length + ".";
    }

    /** The side of square images of {@code channels} channels that rows of {@code values} would hold. */
    private static Optional<Long> squareSide(long values, int channels) {
        int c = Math.max(channels, 1);
        long side = Math.round(Math.sqrt(values / (double) c));
        return values % c == 0 && side * side * c == values ? Optional.of(side) : Optional.empty();
    }

    /**
     * The smallest square side for which the network's dense and output layers get the input sizes
     * they were built with (several sides can fit when pooling rounds down: 28 and 29 both give 13).
     */
    static Optional<Integer> expectedSide(MultiLayerConfiguration conf, int channels) {
        for (int side = 1; side <= LARGEST_SIDE; side++) {
            if (fits(conf, InputType.convolutional(side, side, Math.max(channels, 1)))) {
                return Optional.of(side);
            }
        }
        return Optional.empty();
    }

    private static boolean fits(MultiLayerConfiguration conf, InputType input) {
        List<InputType> outputs;
        try {
            outputs = conf.getLayerActivationTypes(input);
        } catch (RuntimeException e) {
            return false;
        }
        boolean constrained = false;
        for (int i = 1; i < conf.getConfs().size(); i++) {
            Layer layer = conf.getConf(i).getLayer();
            if ((layer instanceof DenseLayer || layer instanceof BaseOutputLayer) && ((FeedForwardLayer) layer).getNIn() > 0) {
                long nIn = ((FeedForwardLayer) layer).getNIn();
                InputType in = outputs.get(i - 1);
                InputPreProcessor preProcessor = conf.getInputPreProcess(i);
                try {
                    in = preProcessor == null ? in : preProcessor.getOutputType(in);
                } catch (RuntimeException e) {
                    return false;
                }
                if (in.arrayElementsPerExample() != nIn) {
                    return false;
                }
                constrained = true;
            }
        }
        return constrained;
    }
}
