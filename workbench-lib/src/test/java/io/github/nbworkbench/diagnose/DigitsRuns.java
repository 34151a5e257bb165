package io.github.nbworkbench.diagnose;

import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.data.Standardizer;
import io.github.nbworkbench.data.TabularData;
import io.github.nbworkbench.data.TrainingData;
import io.github.nbworkbench.testdata.SklearnData;
import io.github.nbworkbench.train.Callback;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Metric;
import io.github.nbworkbench.train.Trainer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Training runs on scikit-learn's digits (1,797 images of 8x8 pixels, 10 classes), small enough for a test. */
final class DigitsRuns {

    static final IWeightInit RELU_INIT = WeightInit.RELU.getWeightInitFunction();
    static final IWeightInit XAVIER_INIT = WeightInit.XAVIER.getWeightInitFunction();

    private static TrainingData digits;

    private DigitsRuns() {
    }

    /** The digits, standardised, 70% (1,258) to train on and 30% (539) to validate. */
    static synchronized TrainingData digits() {
        if (digits == null) {
            LabeledDataset all = TabularData.load(SklearnData.file("digits.csv.gz")).label(-1).classification();
            TrainingData parts = all.trainValidationSplit(0.3, 7);
            Standardizer standardizer = Standardizer.fitOn(parts.trainSet());
            digits = TrainingData.of(standardizer.apply(parts.trainSet()), standardizer.apply(parts.validationSet())).shuffle(7);
        }
        return digits;
    }

    /** The first {@code train} training and {@code validation} validation examples of {@link #digits()}. */
    static TrainingData digits(int train, int validation) {
        return TrainingData.of(digits().trainSet().limit(train), digits().validationSet().limit(validation)).shuffle(3);
    }

    /** Dense {@code hidden} layers of {@code activation}, each with bias {@code biasInit}, and a softmax output. */
    static MultiLayerNetwork mlp(IUpdater updater, Activation activation, IWeightInit init, double biasInit, double l2, int... hidden) {
        var list = new NeuralNetConfiguration.Builder().seed(42).updater(updater).weightInit(init).l2(l2).list();
        for (int size : hidden) {
            list.layer(new DenseLayer.Builder().nOut(size).activation(activation).biasInit(biasInit).build());
        }
        var conf = list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(64)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** A ReLU MLP with He initialisation, no regularisation. */
    static MultiLayerNetwork reluMlp(IUpdater updater, int... hidden) {
        return mlp(updater, Activation.RELU, RELU_INIT, 0, 0, hidden);
    }

    static History fit(MultiLayerNetwork net, TrainingData data, int epochs, int batch, Callback... callbacks) {
        return Trainer.of(net).epochs(epochs).seed(1).quiet().metrics(Metric.ACCURACY).callbacks(callbacks).fit(data.batchSize(batch));
    }
}
