package io.github.nbworkbench.spark;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.runtime.WorkbenchRuntime;
import io.github.nbworkbench.train.Trainer;
import io.github.nbworkbench.train.TrainingStrategy;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Scaling of Spark training in local mode: one epoch of a perceptron with two hidden layers of
 * 1,024 (1.9 M parameters, so that averaging them costs something) on Fashion-MNIST, with the plain
 * {@link Trainer}, with {@link SparkTraining} on local[1] and on local[2]. Prints the times, the
 * scaling efficiency T1 / (2 x T2) and Spark's overhead T1 / T(Trainer). Each side runs twice in
 * turn and keeps its best time, since the machine is shared.
 *
 * <p>Not a test: run it with {@code benchmarks/spark-scaling.sh [images]}.
 */
public final class SparkScalingBenchmark {

    private SparkScalingBenchmark() {
    }

    public static void main(String[] args) {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 12_000;
        WorkbenchRuntime.configure();
        LabeledDataset train = FashionMnist.load().train().limit(images);
        double trainer = Double.MAX_VALUE;
        double one = Double.MAX_VALUE;
        double two = Double.MAX_VALUE;
        for (int round = 0; round < 2; round++) {
            long start = System.nanoTime();
            Trainer.of(perceptron()).epochs(1).quiet().fit(train.batchSize(32).shuffle(1).iterator());
            trainer = Math.min(trainer, (System.nanoTime() - start) / 1e9);
            one = Math.min(one, sparkSeconds("local[1]", train));
            two = Math.min(two, sparkSeconds("local[2]", train));
        }
        System.out.printf("%,d images, 1 epoch, batch 32 per worker, averaging every %d batches (best of 2 rounds)%n", images,
                TrainingStrategy.DEFAULT_AVERAGING_FREQUENCY);
        System.out.printf("Trainer          %7.1f s%n", trainer);
        System.out.printf("Spark local[1]   %7.1f s   (overhead against Trainer: %.2fx)%n", one, one / trainer);
        System.out.printf("Spark local[2]   %7.1f s   (scaling efficiency T1 / (2 x T2): %.2f)%n", two, one / (2 * two));
    }

    /** Wall time of one epoch, the Spark context's start and stop included. */
    private static double sparkSeconds(String master, LabeledDataset train) {
        long start = System.nanoTime();
        Trainer.of(perceptron()).strategy(SparkTraining.parameterAveraging().master(master)).quiet().fit(train.batchSize(32).shuffle(42).iterator());
        return (System.nanoTime() - start) / 1e9;
    }

    private static MultiLayerNetwork perceptron() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-3)).list()
                .layer(new DenseLayer.Builder().nOut(1024).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(1024).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1))
                .build());
        net.init();
        return net;
    }
}
