package io.github.nbworkbench.spark;

import io.github.nbworkbench.train.EpochRun;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.TrainingSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * One run of {@link SparkTraining}: each epoch is one round of Spark training, then validation
 * on the driver. The workers train the batches out of sight of the driver, so no batch hook is
 * called (the Trainer refuses callbacks that have them).
 */
final class SparkTrainingRun extends EpochRun {

    private final SparkDl4jMultiLayer sparkNet;
    private final MultiLayerNetwork net;
    private final JavaRDD<DataSet> batches;
    private final long batchCount;
    private final long exampleCount;
    private final boolean reportsTrainingLoss;

    SparkTrainingRun(TrainingSettings settings, SparkDl4jMultiLayer sparkNet, JavaRDD<DataSet> batches, long batchCount,
            long exampleCount, boolean reportsTrainingLoss, DataSetIterator validation) {
        super(settings, validation);
        this.sparkNet = sparkNet;
        this.net = sparkNet.getNetwork();
        this.batches = batches;
        this.batchCount = batchCount;
        this.exampleCount = exampleCount;
        this.reportsTrainingLoss = reportsTrainingLoss;
    }

    @Override
    protected void runEpoch(int number) {
        notifyEpochBegin(number);
        long start = System.nanoTime();
        // the driver's network is what callbacks change (learning rate, restored weights) and what
        // the next round sends to the workers (DL4J broadcasts its configuration, parameters and updater state)
        sparkNet.setNetwork(net);
        MultiLayerNetwork trained = sparkNet.fit(batches);
        double trainingSeconds = (System.nanoTime() - start) / 1e9;
        if (trained != net) {
            net.setParams(trained.params());
        }
        Map<String, Double> values = new LinkedHashMap<>();
        // DL4J's gradient sharing does not bring the workers' loss back to the driver (its score stays 0)
        values.put(History.LOSS, reportsTrainingLoss ? sparkNet.getScore() : Double.NaN);
        values.putAll(validate());
        recordEpoch(number, values, exampleCount, start, trainingSeconds);
    }

    @Override
    public long batchesPerEpoch() {
        return batchCount;
    }
}
