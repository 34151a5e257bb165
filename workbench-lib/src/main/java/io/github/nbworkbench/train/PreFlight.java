package io.github.nbworkbench.train;

import io.github.nbworkbench.models.ConvInputAdvice;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * Runs one example of the first batch through the model before training, and turns a mismatch
 * between the model's input or output and the data into a message that names both shapes and the fix,
 * instead of an ND4J exception from deep inside the first training step.
 */
public final class PreFlight {

    private PreFlight() {
    }

    /** Checks that {@code model} accepts {@code batch}'s features and that its outputs have the labels' shape. */
    public static void check(TrainableModel model, DataSet batch) {
        DataSet one = firstExample(batch);
        INDArray output;
        try {
            output = model.output(one);
        } catch (RuntimeException e) {
            throw new ModelDataMismatchException(inputMismatch(model, batch.getFeatures(), e), e);
        }
        INDArray labels = one.getLabels();
        if (labels != null && !Arrays.equals(output.shape(), labels.shape()) && !Arrays.equals(widerLabelShape(model, output), labels.shape())) {
            throw new ModelDataMismatchException(outputMismatch(output, labels), null);
        }
    }

    /** The output's shape with the label columns of a loss that also takes wider labels (see {@link LabelWidth}). */
    private static long[] widerLabelShape(TrainableModel model, INDArray output) {
        long[] shape = output.shape().clone();
        if (shape.length >= 2 && model.outputLoss().orElse(null) instanceof LabelWidth width) {
            shape[1] = width.labelColumns(shape[1]);
        }
        return shape;
    }

    private static DataSet firstExample(DataSet batch) {
        if (batch.numExamples() <= 1) {
            return batch;
        }
        return batch.getRange(0, 1);
    }

    static String inputMismatch(TrainableModel model, INDArray features, RuntimeException cause) {
        FirstLayer first = model.firstLayer();
        long[] shape = features.shape();
        String expected = expectedInput(first);
        return "The model does not accept the data: the features have shape " + Arrays.toString(shape)
                + " (rank " + shape.length + "), but " + describe(first) + " expects " + expected + ". "
                + ConvInputAdvice.forShape(model.model(), shape).orElseGet(() -> fix(first, shape))
                + "\n(DL4J said: " + cause.getMessage() + ")";
    }

    private static String describe(FirstLayer first) {
        if (first.layer() == null) {
            return "the model's first layer";
        }
        return "the first layer (" + first.layer().getClass().getSimpleName()
                + (first.name() == null ? "" : " '" + first.name() + "'") + ")";
    }

    private static String expectedInput(FirstLayer first) {
        if (first.preProcessor() != null) {
            return "the input of its preprocessor " + first.preProcessor().getClass().getSimpleName()
                    + " " + first.preProcessor();
        }
        var layer = first.layer();
        long nIn = layer instanceof FeedForwardLayer ff ? ff.getNIn() : -1;
        if (isSequenceLayer(layer)) {
            return "rank 3 [minibatch, " + nIn + " features, time steps]";
        }
        if (layer instanceof ConvolutionLayer || layer instanceof SubsamplingLayer) {
            return "rank 4 [minibatch, " + (nIn > 0 ? nIn + " channels" : "channels") + ", height, width]";
        }
        if (layer instanceof FeedForwardLayer) {
            return "rank 2 [minibatch, " + nIn + " columns]";
        }
        return "another shape (see its configuration)";
    }

    private static boolean isSequenceLayer(Object layer) {
        return layer instanceof BaseRecurrentLayer || layer instanceof Convolution1DLayer
                || layer instanceof Subsampling1DLayer || layer instanceof RnnOutputLayer;
    }

    private static String fix(FirstLayer first, long[] shape) {
        var layer = first.layer();
        if (first.preProcessor() != null || layer == null) {
            return "Check the .setInputType(...) of the configuration against the data.";
        }
        long nIn = layer instanceof FeedForwardLayer ff ? ff.getNIn() : -1;
        boolean conv2d = (layer instanceof ConvolutionLayer || layer instanceof SubsamplingLayer) && !isSequenceLayer(layer);
        if (conv2d && shape.length == 2) {
            long channels = Math.max(nIn, 1);
            long pixels = shape[1] / channels;
            long side = Math.round(Math.sqrt(pixels));
            String sizes = side * side * channels == shape[1] ? side + ", " + side + ", " + channels
                    : "height, width, " + channels + " with height*width*" + channels + " = " + shape[1];
            return "If each row is a flattened image, add .setInputType(InputType.convolutionalFlat(" + sizes
                    + ")) to the network's configuration, so that DL4J reshapes the rows into images.";
        }
        if (conv2d && shape.length == 4 && nIn > 0 && shape[1] != nIn && shape[3] == nIn) {
            return "The data looks channels-last [minibatch, height, width, channels]: permute it to [minibatch, channels, height, width]"
                    + " (features.permute(0, 3, 1, 2)) or configure the layers with CNN2DFormat.NHWC.";
        }
        if (isSequenceLayer(layer) && shape.length == 2) {
            return "Sequence layers need [minibatch, features, time steps]; reshape the data, or use a DenseLayer for one vector per example.";
        }
        if (layer instanceof FeedForwardLayer && !conv2d && !isSequenceLayer(layer)) {
            if (shape.length == 4) {
                return "Mlps.classifier(data) builds a dense network that flattens the images and is sized from them; by hand, add"
                        + " .setInputType(InputType.convolutional(" + shape[2] + ", " + shape[3] + ", " + shape[1]
                        + ")) to the configuration, so that DL4J flattens them.";
            }
            if (shape.length == 3) {
                return "For sequences, use recurrent layers with .setInputType(InputType.recurrent(" + shape[1] + ")), or flatten the data.";
            }
            if (shape.length == 2) {
                return "Mlps.classifier(data) (or Mlps.regressor(data)) builds a dense network sized from the data; by hand, set .nIn("
                        + shape[1] + ") on the first layer or .setInputType(InputType.feedForward(" + shape[1]
                        + ")) on the configuration, or fix the data's columns.";
            }
        }
        return "Check the .setInputType(...) of the configuration against the data.";
    }

    static String outputMismatch(INDArray output, INDArray labels) {
        long[] out = output.shape();
        long[] lab = labels.shape();
        String message = "The model's output does not match the labels: for one example the output has shape "
                + Arrays.toString(out) + " but the labels have shape " + Arrays.toString(lab) + ". ";
        if (out.length == lab.length && out.length >= 2 && lab[1] == 1 && out[1] > 1) {
            return message + "The labels look like class indices: one-hot encode them into " + out[1]
                    + " columns (e.g. the iterator's numPossibleLabels, or org.nd4j.linalg.util.FeatureUtil.toOutcomeMatrix).";
        }
        if (out.length == lab.length && out.length >= 2) {
            return message + "Set .nOut(" + lab[1] + ") on the output layer, or fix the labels.";
        }
        return message + "Use an output layer of the labels' rank (OutputLayer for [minibatch, n], RnnOutputLayer for sequences).";
    }
}
