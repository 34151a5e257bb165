package io.github.nbworkbench.spark;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.data.TrainingData;
import io.github.nbworkbench.models.Cnns;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Metric;
import io.github.nbworkbench.train.Trainer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The classic CNN trained on Fashion-MNIST with {@link SparkTraining}, as a job for
 * {@code spark-submit} (see docs/spark.md): the driver reads the data and ships it to the executors.
 * Arguments: [epochs] [training images]; the master comes from spark-submit's {@code --master}.
 */
public final class FashionMnistOnSpark {

    private FashionMnistOnSpark() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int images = args.length > 1 ? Integer.parseInt(args[1]) : 60_000;
        FashionMnist fashion = FashionMnist.load();
        LabeledDataset train = fashion.train().limit(images);
        MultiLayerNetwork net = Cnns.classic(train);
        try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setAppName("workbench: Fashion-MNIST CNN on Spark"))) {
            History history = Trainer.of(net).strategy(SparkTraining.parameterAveraging().sparkContext(sc)).epochs(epochs)
                    .metrics(Metric.ACCURACY).fit(TrainingData.of(train, fashion.test()).shuffle(42));
            System.out.println(history.printAll());
        }
    }
}
