package io.github.nbworkbench.train;

import java.util.Random;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small learnable data and small networks for the train/ tests. */
final class Fixtures {

    static final int FEATURES = 4;
    static final int CLASSES = 2;

    private Fixtures() {
    }

    /** Two Gaussian blobs in 4 dimensions, centred at -1 and +1, one-hot labels; the same for the same seed. */
    static DataSet blobs(int examples, long seed) {
        Random random = new Random(seed);
        float[][] features = new float[examples][FEATURES];
        float[][] labels = new float[examples][CLASSES];
        for (int i = 0; i < examples; i++) {
            int label = i % CLASSES;
            for (int j = 0; j < FEATURES; j++) {
                features[i][j] = (float) ((label == 0 ? -1 : 1) + random.nextGaussian());
            }
            labels[i][label] = 1;
        }
        return new DataSet(Nd4j.create(features).castTo(DataType.FLOAT), Nd4j.create(labels).castTo(DataType.FLOAT));
    }

    static DataSetIterator iterator(DataSet data, int batch) {
        return new ListDataSetIterator<>(data.asList(), batch);
    }

    static DataSetIterator trainBlobs() {
        return iterator(blobs(256, 1), 32);
    }

    static DataSetIterator validationBlobs() {
        return iterator(blobs(128, 2), 64);
    }

    static MultiLayerNetwork mlp() {
        return mlp(new Adam(0.01), 0.0);
    }

    /** Dense 16 (ReLU, with dropout when {@code dropOut} is above 0: DL4J's retain probability is 1 - dropOut) and softmax out. */
    static MultiLayerNetwork mlp(IUpdater updater, double dropOut) {
        DenseLayer.Builder hidden = new DenseLayer.Builder().nOut(16).activation(Activation.RELU);
        if (dropOut > 0) {
            hidden.dropOut(1 - dropOut);
        }
        var conf = new NeuralNetConfiguration.Builder().seed(12345).updater(updater).list()
                .layer(hidden.build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(FEATURES))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    static ComputationGraph graph() {
        var conf = new NeuralNetConfiguration.Builder().seed(12345).updater(new Adam(0.01)).graphBuilder()
                .addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(FEATURES).nOut(16).activation(Activation.RELU).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build(), "hidden")
                .setOutputs("out")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }
}
