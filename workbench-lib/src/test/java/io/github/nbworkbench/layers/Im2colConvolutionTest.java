package io.github.nbworkbench.layers;

import static io.github.nbworkbench.testdata.Dataset.MNIST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.Mnist;
import io.github.nbworkbench.models.Cnns;
import io.github.nbworkbench.models.ImageShape;
import io.github.nbworkbench.testdata.RequiresDataset;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class Im2colConvolutionTest {

    private static final double TOLERANCE = 1e-5;

    /** Two convolutions (the first without input gradient, the second passing its own on), pooling, dense, softmax. */
    private static MultiLayerNetwork network(boolean im2col, ConvolutionMode mode, int stride, int channels, CacheMode cache) {
        ConvolutionLayer.Builder first = new ConvolutionLayer.Builder(3, 3).nOut(8).convolutionMode(mode).activation(Activation.RELU);
        ConvolutionLayer.Builder second = new ConvolutionLayer.Builder(3, 3).stride(stride, stride).nOut(6).convolutionMode(mode)
                .activation(Activation.IDENTITY);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(42).updater(new Adam(1e-2)).cacheMode(cache)
                .weightInit(WeightInit.XAVIER_UNIFORM).list()
                .layer(im2col ? new Im2colConvolution(first).withoutInputGradient() : first.build())
                .layer(im2col ? new Im2colConvolution(second) : second.build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(12, 12, channels)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static DataSet randomBatch(int channels) {
        Nd4j.getRandom().setSeed(1);
        INDArray labels = Nd4j.zeros(5, 10);
        for (int i = 0; i < 5; i++) {
            labels.putScalar(i, i, 1);
        }
        return new DataSet(Nd4j.rand(new int[] {5, channels, 12, 12}), labels);
    }

    private static INDArray gradient(MultiLayerNetwork net, DataSet batch) {
        net.setInput(batch.getFeatures());
        net.setLabels(batch.getLabels());
        net.computeGradientAndScore();
        return net.gradient().gradient().dup();
    }

    @ParameterizedTest(name = "{0} mode, stride {1}, {2} channel(s), cache {3}")
    @CsvSource({"Truncate, 1, 1, NONE", "Truncate, 1, 3, DEVICE", "Same, 1, 1, DEVICE", "Same, 1, 3, NONE", "Truncate, 2, 3, DEVICE",
            "Same, 2, 1, NONE"})
    void gradientsAndTrainingEqualDl4jsConvolution(ConvolutionMode mode, int stride, int channels, CacheMode cache) {
        MultiLayerNetwork dl4j = network(false, mode, stride, channels, cache);
        MultiLayerNetwork ours = network(true, mode, stride, channels, cache);
        ours.setParams(dl4j.params());
        DataSet batch = randomBatch(channels);

        INDArray expected = gradient(dl4j, batch);
        INDArray actual = gradient(ours, batch);
        assertTrue(expected.amaxNumber().doubleValue() > 0.01, "the gradient is not trivially small");
        assertEquals(0, expected.sub(actual).amaxNumber().doubleValue(), TOLERANCE, "largest difference of the gradients");

        for (int step = 0; step < 3; step++) {
            dl4j.fit(batch);
            ours.fit(batch);
        }
        assertEquals(0, dl4j.params().sub(ours.params()).amaxNumber().doubleValue(), TOLERANCE, "parameters after 3 Adam steps");
        assertEquals(dl4j.score(), ours.score(), TOLERANCE);
    }

    @Test
    void withoutInputGradientGivesNoneAndTheSameParameterGradients() {
        MultiLayerNetwork net = network(true, ConvolutionMode.Truncate, 1, 1, CacheMode.NONE);
        DataSet batch = randomBatch(1);
        INDArray expected = gradient(network(false, ConvolutionMode.Truncate, 1, 1, CacheMode.NONE), batch);

        Pair<Gradient, INDArray> gradients = net.calculateGradients(batch.getFeatures(), batch.getLabels(), null, null);

        assertNull(gradients.getSecond(), "no input gradient from the first layer");
        assertEquals(0, expected.sub(gradients.getFirst().gradient()).amaxNumber().doubleValue(), TOLERANCE);
    }

    @Test
    void savedNetworkLoadsWithTheLayerAndItsSetting(@TempDir Path folder) throws IOException {
        MultiLayerNetwork net = network(true, ConvolutionMode.Same, 1, 3, CacheMode.DEVICE);
        File file = folder.resolve("net.zip").toFile();
        ModelSerializer.writeModel(net, file, true);

        MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(file, true);

        Layer first = loaded.getLayerWiseConfigurations().getConf(0).getLayer();
        assertInstanceOf(Im2colConvolution.class, first);
        assertEquals(false, ((Im2colConvolution) first).isInputGradient());
        assertEquals(true, ((Im2colConvolution) loaded.getLayerWiseConfigurations().getConf(1).getLayer()).isInputGradient());
        INDArray features = randomBatch(3).getFeatures();
        assertEquals(net.output(features), loaded.output(features));
    }

    @Test
    void aCnnOnFlatInputKeepsTheInputGradientForItsPreprocessorAndTrains() {
        MultiLayerNetwork net = Cnns.classic().flatInput().build(new ImageShape(12, 12, 1), 10);
        DataSet batch = randomBatch(1);
        batch.setFeatures(batch.getFeatures().reshape(5, 144));

        net.fit(batch);
        double first = net.score();
        for (int step = 0; step < 10; step++) {
            net.fit(batch);
        }

        assertTrue(((Im2colConvolution) net.getLayerWiseConfigurations().getConf(0).getLayer()).isInputGradient());
        assertTrue(net.score() < first, "loss " + first + " -> " + net.score());
    }

    @RequiresDataset(MNIST)
    @Test
    void classicCnnOnMnistTrainsAsWithDl4jsConvolution() {
        DataSet batch = Mnist.load().train().limit(64).toDataSet();
        MultiLayerNetwork ours = Cnns.classic().build(new ImageShape(28, 28, 1), 10);
        // the same configuration with DL4J's own layer class
        String json = Cnns.classic().configuration(new ImageShape(28, 28, 1), 10).toJson();
        MultiLayerNetwork dl4j = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(
                json.replace(Im2colConvolution.class.getName(), ConvolutionLayer.class.getName())));
        dl4j.init(ours.params().dup(), false);

        for (int step = 0; step < 5; step++) {
            ours.fit(batch);
            dl4j.fit(batch);
        }

        assertInstanceOf(ConvolutionLayer.class, dl4j.getLayerWiseConfigurations().getConf(0).getLayer());
        assertEquals(false, dl4j.getLayerWiseConfigurations().getConf(0).getLayer() instanceof Im2colConvolution);
        assertEquals(dl4j.score(), ours.score(), TOLERANCE);
        assertEquals(0, dl4j.params().sub(ours.params()).amaxNumber().doubleValue(), TOLERANCE, "parameters after 5 Adam steps");
        assertNotNull(ours.output(batch.getFeatures()));
    }
}
