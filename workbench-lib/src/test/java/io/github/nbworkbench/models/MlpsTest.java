package io.github.nbworkbench.models;

import static io.github.nbworkbench.testdata.Dataset.SKLEARN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.data.Standardizer;
import io.github.nbworkbench.data.TabularData;
import io.github.nbworkbench.data.TrainingData;
import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.testdata.SklearnData;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Metric;
import io.github.nbworkbench.train.Trainer;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

class MlpsTest {

    @RequiresDataset(SKLEARN)
    @Test
    void classifierLearnsSklearnWineWithTheTrainer() {
        LabeledDataset wine = TabularData.load(SklearnData.file("wine_data.csv")).label(-1)
                .classNames("class_0", "class_1", "class_2").classification();
        TrainingData parts = wine.trainValidationTestSplit(0.2, 0.2, 7);
        Standardizer standardizer = Standardizer.fitOn(parts.trainSet());

        MultiLayerNetwork net = Mlps.classifier().hiddenSizes(32).build(parts.trainSet());
        History history = Trainer.of(net).epochs(30).quiet().metrics(Metric.ACCURACY)
                .validation(standardizer.apply(parts.validationSet()).batchSize(64).iterator())
                .fit(standardizer.apply(parts.trainSet()).batchSize(16).shuffle(1).iterator());
        Evaluation test = net.evaluate(standardizer.apply(parts.testSet()).batchSize(64).iterator());

        System.out.printf("MLP on sklearn wine (%d train, %d validation, %d test): val_accuracy %.3f, test accuracy %.3f%n",
                parts.trainSet().size(), parts.validationSet().size(), parts.testSet().size(),
                history.value("val_accuracy", history.lastEpoch()), test.accuracy());
        assertEquals(13, ((DenseLayer) net.getLayerWiseConfigurations().getConf(0).getLayer()).getNIn(), "inputs from the data");
        assertTrue(test.accuracy() >= 0.9, "test accuracy " + test.accuracy() + " (chance: 0.40)");
    }

    @RequiresDataset(SKLEARN)
    @Test
    void regressorPredictsSklearnBostonPrices() {
        LabeledDataset boston = TabularData.load(SklearnData.file("boston_house_prices.csv")).label("MEDV").regression();
        TrainingData parts = boston.trainValidationTestSplit(0.1, 0.2, 3);
        Standardizer standardizer = Standardizer.fitOn(parts.trainSet());

        MultiLayerNetwork net = Mlps.regressor().learningRate(1e-2).build(parts.trainSet());
        Trainer.of(net).epochs(40).quiet().fit(standardizer.apply(parts.trainSet()).batchSize(32).shuffle(1).iterator());
        INDArray predicted = net.output(standardizer.apply(parts.testSet()).features());
        INDArray actual = parts.testSet().labels();
        double squaredErrors = Math.pow(predicted.sub(actual).norm2Number().doubleValue(), 2);
        double squaredDeviations = Math.pow(actual.sub(actual.meanNumber()).norm2Number().doubleValue(), 2);
        double rSquared = 1 - squaredErrors / squaredDeviations;

        OutputLayer output = (OutputLayer) net.getLayerWiseConfigurations().getConf(2).getLayer();
        assertInstanceOf(LossMSE.class, output.getLossFn());
        assertEquals(Activation.IDENTITY.getActivationFunction().getClass(), output.getActivationFn().getClass());
        System.out.printf("MLP regressor on sklearn Boston prices: test R^2 %.3f%n", rSquared);
        assertTrue(rSquared > 0.6, "R^2 " + rSquared);
    }

    @Test
    void settingsBecomeLayers() {
        MultiLayerConfiguration conf = Mlps.classifier().hiddenSizes(16, 8).activation(Activation.TANH).dropout(0.25).l2(1e-3)
                .batchNorm().configuration(5, 3);

        List<Class<?>> layers = conf.getConfs().stream().<Class<?>>map(c -> c.getLayer().getClass()).toList();
        assertEquals(List.of(DenseLayer.class, BatchNormalization.class, ActivationLayer.class, DropoutLayer.class,
                DenseLayer.class, BatchNormalization.class, ActivationLayer.class, DropoutLayer.class, OutputLayer.class), layers);
        DenseLayer first = (DenseLayer) conf.getConf(0).getLayer();
        assertEquals(5, first.getNIn());
        assertEquals(16, first.getNOut());
        assertTrue(((BaseLayer) conf.getConf(0).getLayer()).getRegularization().stream().anyMatch(r -> r.toString().contains("L2")));
        assertEquals(0.75, ((Dropout) conf.getConf(3).getLayer().getIDropout()).getP(), 1e-9, "DL4J keeps 1 - rate");
        OutputLayer output = (OutputLayer) conf.getConf(8).getLayer();
        assertInstanceOf(LossMCXENT.class, output.getLossFn());
        assertEquals(3, output.getNOut());
    }

    @Test
    void imagesAreFlattenedIntoTheFirstLayer() {
        int[] classes = {0, 1, 0, 1};
        LabeledDataset images = LabeledDataset.classification(Nd4j.rand(DataType.FLOAT, 4, 1, 8, 8), classes, List.of("a", "b"));

        MultiLayerNetwork net = Mlps.classifier(images);

        assertArrayEquals(new long[] {4, 2}, net.output(images.features()).shape());
        assertEquals(64, ((DenseLayer) net.getLayerWiseConfigurations().getConf(0).getLayer()).getNIn());
    }

    @RequiresDataset(SKLEARN)
    @Test
    void classifierGivenARegressionTargetPointsToTheRegressor() {
        LabeledDataset boston = TabularData.load(SklearnData.file("boston_house_prices.csv")).label("MEDV").regression();

        String message = assertThrows(IllegalArgumentException.class, () -> Mlps.classifier(boston)).getMessage();

        assertTrue(message.contains("regression target") && message.contains("Mlps.regressor()"), message);
    }
}
