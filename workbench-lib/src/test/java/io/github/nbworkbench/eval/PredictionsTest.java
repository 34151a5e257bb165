package io.github.nbworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class PredictionsTest {

    @Test
    void runsTheModelOverEveryBatchLikeDl4jsEvaluate() {
        Nd4j.getRandom().setSeed(7);
        INDArray features = Nd4j.rand(DataType.FLOAT, 50, 4);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 50, 3);
        for (int i = 0; i < 50; i++) {
            labels.putScalar(i, i % 3, 1);
        }
        MultiLayerNetwork model = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(7).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(4).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build());
        model.init();
        ListDataSetIterator<DataSet> data = new ListDataSetIterator<>(new DataSet(features, labels).asList(), 16);

        Predictions predictions = Predictions.of(model, data, List.of("a", "b", "c"));
        Evaluation dl4j = model.evaluate(data);

        assertEquals(50, predictions.size());
        ConfusionMatrix matrix = ConfusionMatrix.of(predictions);
        for (int actual = 0; actual < 3; actual++) {
            for (int predicted = 0; predicted < 3; predicted++) {
                assertEquals(dl4j.getConfusionMatrix().getCount(actual, predicted), matrix.count(actual, predicted),
                        "count (" + actual + ", " + predicted + ")");
            }
        }
    }
}
