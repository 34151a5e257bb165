package io.github.nbworkbench.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Training and inference speed of the classic MNIST CNN (conv 3x3x32, max-pool 2x2, dense 128,
 * softmax 10; batch 128, random data) with {@link WorkbenchRuntime#configure()} against DL4J's
 * DL4J's defaults (helpers off, ND4J's default thread count). The helper switch and the thread count
 * belong to the whole JVM, so each side runs in a child JVM of its own, after a few warm-up batches;
 * this JVM only launches them and compares.
 *
 * <p>Not a test: run it with {@code benchmarks/cnn-runtime.sh}.
 */
public final class CnnRuntimeBenchmark {

    private static final int BATCH = 128;
    private static final int WARMUP_BATCHES = 5;
    private static final int TRAINING_BATCHES = 30;
    private static final int INFERENCE_BATCHES = 60;
    /** The machine is shared, so each side runs more than once and keeps its best figures. */
    private static final int ROUNDS = 2;
    private static final String RESULT_PREFIX = "RESULT ";

    enum Side {
        DEFAULTS("DL4J defaults"),
        WORKBENCH("WorkbenchRuntime.configure()");

        final String label;

        Side(String label) {
            this.label = label;
        }
    }

    record Speed(double trainingSamplesPerSecond, double inferenceSamplesPerSecond) {

        Speed faster(Speed other) {
            return new Speed(Math.max(trainingSamplesPerSecond, other.trainingSamplesPerSecond),
                    Math.max(inferenceSamplesPerSecond, other.inferenceSamplesPerSecond));
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--side")) {
            runSide(Side.valueOf(args[1].toUpperCase(Locale.ROOT)));
        } else if (args.length == 0) {
            compare();
        } else {
            System.err.println("usage: CnnRuntimeBenchmark [--side defaults|workbench]");
            System.exit(2);
        }
    }

    private static void compare() throws IOException, InterruptedException {
        Map<Side, Speed> best = new EnumMap<>(Side.class);
        for (int round = 1; round <= ROUNDS; round++) {
            for (Side side : Side.values()) {
                best.merge(side, launch(side, round), Speed::faster);
            }
        }
        Speed defaults = best.get(Side.DEFAULTS);
        Speed workbench = best.get(Side.WORKBENCH);
        System.out.printf(Locale.ROOT, "%nClassic CNN, batch %d, samples/s, best of %d runs per side%n", BATCH, ROUNDS);
        System.out.printf(Locale.ROOT, "%-30s %10s %10s%n", "", "training", "inference");
        print(Side.DEFAULTS, defaults);
        print(Side.WORKBENCH, workbench);
        System.out.printf(Locale.ROOT, "%-30s %9.2fx %9.2fx%n", "ratio",
                workbench.trainingSamplesPerSecond() / defaults.trainingSamplesPerSecond(),
                workbench.inferenceSamplesPerSecond() / defaults.inferenceSamplesPerSecond());
    }

    private static void print(Side side, Speed speed) {
        System.out.printf(Locale.ROOT, "%-30s %10.0f %10.0f%n", side.label,
                speed.trainingSamplesPerSecond(), speed.inferenceSamplesPerSecond());
    }

    private static Speed launch(Side side, int round) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (side == Side.DEFAULTS) {
            command.add("-D" + WorkbenchRuntime.HELPERS_DISABLE_PROPERTY + "=true");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                CnnRuntimeBenchmark.class.getName(), "--side", side.name()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (side == Side.DEFAULTS) {
            builder.environment().remove("OMP_NUM_THREADS");
        }
        System.out.println("== " + side.label + ", run " + round + " of " + ROUNDS);
        Process child = builder.start();
        Speed speed = null;
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                System.out.println("   " + line);
                if (line.startsWith(RESULT_PREFIX)) {
                    String[] figures = line.substring(RESULT_PREFIX.length()).split(" ");
                    speed = new Speed(Double.parseDouble(figures[0]), Double.parseDouble(figures[1]));
                }
            }
        }
        int exit = child.waitFor();
        if (exit != 0 || speed == null) {
            throw new IllegalStateException("the '" + side.label + "' run failed (exit code " + exit + "); its output is above");
        }
        return speed;
    }

    private static void runSide(Side side) {
        if (side == Side.WORKBENCH) {
            WorkbenchRuntime.configure();
        }
        System.out.println(WorkbenchRuntime.describe());
        MultiLayerNetwork net = classicCnn();
        Nd4j.getRandom().setSeed(42);
        INDArray features = Nd4j.rand(BATCH, 1, 28, 28);
        INDArray labels = Nd4j.zeros(BATCH, 10);
        for (int i = 0; i < BATCH; i++) {
            labels.putScalar(i, i % 10, 1.0);
        }
        DataSet batch = new DataSet(features, labels);

        for (int i = 0; i < WARMUP_BATCHES; i++) {
            net.fit(batch);
        }
        long start = System.nanoTime();
        for (int i = 0; i < TRAINING_BATCHES; i++) {
            net.fit(batch);
        }
        double training = samplesPerSecond(TRAINING_BATCHES, start);

        for (int i = 0; i < WARMUP_BATCHES; i++) {
            net.output(features);
        }
        start = System.nanoTime();
        for (int i = 0; i < INFERENCE_BATCHES; i++) {
            net.output(features);
        }
        double inference = samplesPerSecond(INFERENCE_BATCHES, start);
        System.out.printf(Locale.ROOT, "%s%.1f %.1f%n", RESULT_PREFIX, training, inference);
    }

    private static double samplesPerSecond(int batches, long startNanos) {
        return batches * (double) BATCH / ((System.nanoTime() - startNanos) / 1e9);
    }

    static MultiLayerNetwork classicCnn() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(42)
                .updater(new Adam(1e-3))
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
