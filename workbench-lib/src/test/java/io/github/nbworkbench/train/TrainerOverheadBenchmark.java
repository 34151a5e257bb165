package io.github.nbworkbench.train;

import io.github.nbworkbench.progress.ConsoleProgress;
import io.github.nbworkbench.runtime.WorkbenchRuntime;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The cost of {@link Trainer#fit} over DL4J's own {@code net.fit(iterator, epochs)}: the same MLP
 * (784-256-128-10, Adam, batch 128) on the same Fashion-MNIST images, the two sides alternating
 * within one JVM; the medians and the best rounds are compared (the best round is the one least
 * disturbed by other work on a shared machine). The Trainer side shows console progress (the in-place
 * line, its costlier mode) and runs without validation or metrics, like the plain side; the cost of
 * validation and of the accuracy metric is measured separately afterwards.
 *
 * <p>Not a test: run it with {@code benchmarks/trainer-overhead.sh}.
 */
public final class TrainerOverheadBenchmark {

    private static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
    private static final int TRAINING_EXAMPLES = 12_800;
    private static final int VALIDATION_EXAMPLES = 2_560;
    private static final int BATCH = 128;
    private static final int EPOCHS_PER_MEASUREMENT = 3;
    private static final int ROUNDS = 7;

    public static void main(String[] args) throws IOException {
        WorkbenchRuntime.configure();
        DataSet training = fashionMnist("train", TRAINING_EXAMPLES);
        DataSet validation = fashionMnist("t10k", VALIDATION_EXAMPLES);
        DataSetIterator trainIterator = new ListDataSetIterator<>(training.asList(), BATCH);
        DataSetIterator validationIterator = new ListDataSetIterator<>(validation.asList(), BATCH);
        MultiLayerNetwork plainNet = mlp();
        MultiLayerNetwork trainerNet = mlp();

        System.out.println("warm-up");
        plainNet.fit(trainIterator, 1);
        Trainer.of(trainerNet).epochs(1).quiet().fit(trainIterator);

        List<Double> plain = new ArrayList<>();
        List<Double> trainer = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            // alternate which side goes first, so that a slow spell on the shared machine hits both
            if (round % 2 == 1) {
                plain.add(plainFit(plainNet, trainIterator));
                trainer.add(trainerFit(trainerNet, trainIterator));
            } else {
                trainer.add(trainerFit(trainerNet, trainIterator));
                plain.add(plainFit(plainNet, trainIterator));
            }
            System.out.printf(Locale.ROOT, "round %d: plain %.0f, Trainer %.0f samples/s%n", round, plain.get(round - 1), trainer.get(round - 1));
        }

        History withValidation = Trainer.of(trainerNet).epochs(EPOCHS_PER_MEASUREMENT).validation(validationIterator).quiet()
                .fit(trainIterator);
        History withMetrics = Trainer.of(trainerNet).epochs(EPOCHS_PER_MEASUREMENT).validation(validationIterator)
                .metrics(Metric.ACCURACY).quiet().fit(trainIterator);

        double plainMedian = median(plain);
        double trainerMedian = median(trainer);
        System.out.printf(Locale.ROOT, "%nMLP 784-256-128-10, Adam, batch %d, %d Fashion-MNIST images, %d epochs per measurement, "
                + "median of %d alternating rounds%n", BATCH, TRAINING_EXAMPLES, EPOCHS_PER_MEASUREMENT, ROUNDS);
        System.out.printf(Locale.ROOT, "%-52s %8.0f samples/s%n", "net.fit(iterator, epochs)", plainMedian);
        System.out.printf(Locale.ROOT, "%-52s %8.0f samples/s%n", "Trainer.fit, console progress, no validation", trainerMedian);
        System.out.printf(Locale.ROOT, "%-52s %8.3f (overhead %+.1f%%)%n", "ratio Trainer / plain, medians", trainerMedian / plainMedian,
                100 * (plainMedian / trainerMedian - 1));
        double plainBest = Collections.max(plain);
        double trainerBest = Collections.max(trainer);
        System.out.printf(Locale.ROOT, "%-52s %8.3f (%.0f vs %.0f samples/s)%n", "ratio Trainer / plain, best rounds",
                trainerBest / plainBest, trainerBest, plainBest);
        System.out.printf(Locale.ROOT, "%-52s %8.2f s per epoch (%d images)%n", "validation (val_loss)",
                meanOf(withValidation, History.SECONDS) - seconds(withValidation), VALIDATION_EXAMPLES);
        double withAccuracy = meanOf(withMetrics, History.SAMPLES_PER_SECOND);
        System.out.printf(Locale.ROOT, "%-52s %8.0f samples/s (%+.0f%% time)%n", "training with the accuracy metric",
                withAccuracy, 100 * (trainerMedian / withAccuracy - 1));
        System.out.printf(Locale.ROOT, "%-52s %8.2f s per epoch%n", "validation with accuracy",
                meanOf(withMetrics, History.SECONDS) - seconds(withMetrics));
    }

    private static double plainFit(MultiLayerNetwork net, DataSetIterator data) {
        long start = System.nanoTime();
        net.fit(data, EPOCHS_PER_MEASUREMENT);
        return (double) TRAINING_EXAMPLES * EPOCHS_PER_MEASUREMENT / ((System.nanoTime() - start) / 1e9);
    }

    private static double trainerFit(MultiLayerNetwork net, DataSetIterator data) {
        long start = System.nanoTime();
        Trainer.of(net).epochs(EPOCHS_PER_MEASUREMENT).progress(new ConsoleProgress(System.out, true, System::nanoTime)).fit(data);
        return (double) TRAINING_EXAMPLES * EPOCHS_PER_MEASUREMENT / ((System.nanoTime() - start) / 1e9);
    }

    /** Mean seconds per epoch spent training: examples over the recorded training speed. */
    private static double seconds(History history) {
        return TRAINING_EXAMPLES / meanOf(history, History.SAMPLES_PER_SECOND);
    }

    private static double meanOf(History history, String column) {
        return history.doubleColumn(column).mean();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static MultiLayerNetwork mlp() {
        var conf = new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-3)).list()
                .layer(new DenseLayer.Builder().nOut(256).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(784))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** The first {@code count} images of a Fashion-MNIST split, pixels scaled to [0, 1], one-hot labels. */
    private static DataSet fashionMnist(String split, int count) throws IOException {
        Path images = FASHION_MNIST.resolve(split + "-images-idx3-ubyte.gz");
        Path labels = FASHION_MNIST.resolve(split + "-labels-idx1-ubyte.gz");
        if (!Files.exists(images) || !Files.exists(labels)) {
            throw new IllegalStateException("Fashion-MNIST is missing in " + FASHION_MNIST + ": sudo apt-get install dataset-fashion-mnist");
        }
        float[][] pixels = new float[count][784];
        float[][] oneHot = new float[count][10];
        try (DataInputStream in = idx(images, 16)) {
            byte[] image = new byte[784];
            for (int i = 0; i < count; i++) {
                in.readFully(image);
                for (int p = 0; p < 784; p++) {
                    pixels[i][p] = (image[p] & 0xFF) / 255f;
                }
            }
        }
        try (DataInputStream in = idx(labels, 8)) {
            for (int i = 0; i < count; i++) {
                oneHot[i][in.readUnsignedByte()] = 1;
            }
        }
        return new DataSet(Nd4j.create(pixels), Nd4j.create(oneHot));
    }

    private static DataInputStream idx(Path file, int headerBytes) throws IOException {
        InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
        DataInputStream data = new DataInputStream(in);
        data.skipNBytes(headerBytes);
        return data;
    }
}
