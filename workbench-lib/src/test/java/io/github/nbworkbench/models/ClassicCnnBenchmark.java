package io.github.nbworkbench.models;

import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.data.Mnist;
import io.github.nbworkbench.runtime.RuntimeDescription;
import io.github.nbworkbench.runtime.WorkbenchRuntime;
import io.github.nbworkbench.train.Trainer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J side of the classic-CNN training benchmark ({@code benchmarks/cnn-vs-pytorch.sh}; the PyTorch
 * side is {@code benchmarks/cnn_torch.py}): {@link Cnns#classic()} with its defaults (Adam 1e-3) on the
 * 10,000 real MNIST digits of {@link Mnist}, {@code [N, 1, 28, 28]}, in the order
 * {@code (i * 7919) mod 10000} of the package's order (which mixes the digits and is easy to repeat in
 * Python), batch 128. After a warm-up, the same timed batches are trained once through {@link Trainer}
 * and once with plain {@code net.fit(ds)}; prints one JSON line; {@code plain_fit_per_cpu_s} is the plain
 * side's samples per second of this thread's CPU time, steadier than wall time on a busy machine
 * (meaningful with one OpenMP thread only). The thread count comes from
 * {@code OMP_NUM_THREADS} (unset: {@link WorkbenchRuntime#configure()} picks it).
 *
 * <p>Options: {@code --batches N} (timed, default 40), {@code --warmup N} (default 5).
 *
 * <p>Not a test: run it with {@code benchmarks/cnn-vs-pytorch.sh} or
 * {@code benchmarks/run-java-benchmark.sh io.github.nbworkbench.models.ClassicCnnBenchmark [options]}.
 */
public final class ClassicCnnBenchmark {

    static final int BATCH = 128;
    /** Coprime with 10,000: {@code i -> i * STRIDE mod N} visits every digit once, the classes interleaved. */
    static final int STRIDE = 7919;

    public static void main(String[] args) {
        WorkbenchRuntime.configure();
        int batches = 40;
        int warmup = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--batches" -> batches = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: ClassicCnnBenchmark [--batches N] [--warmup N]");
                    System.exit(2);
                }
            }
        }
        RuntimeDescription runtime = WorkbenchRuntime.describe();
        System.err.printf(Locale.ROOT, "runtime: %s, OpenMP %d, BLAS %d threads, DL4J helpers %s%n",
                runtime.nativeBuild(), runtime.openMpThreads(), runtime.blasThreads(), runtime.helpersEnabled());

        LabeledDataset digits = Mnist.load().all();
        List<DataSet> all = batches(digits);
        List<DataSet> warmupData = all.subList(0, warmup);
        List<DataSet> timed = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            timed.add(all.get((warmup + i) % all.size()));
        }
        MultiLayerNetwork net = Cnns.classic().build(digits);

        Trainer.of(net).epochs(1).quiet().fit(new ExistingDataSetIterator(warmupData));
        long start = System.nanoTime();
        Trainer.of(net).epochs(1).quiet().fit(new ExistingDataSetIterator(timed));
        double trainer = samplesPerSecond(batches, start);

        start = System.nanoTime();
        // with one OpenMP thread all the work runs on this thread, so its CPU time shows the cost
        // without the time lost to other processes on a shared machine
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (DataSet batch : timed) {
            net.fit(batch);
        }
        double plain = samplesPerSecond(batches, start);
        double plainCpu = batches * (double) BATCH / ((ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9);

        System.out.printf(Locale.ROOT, "{\"side\": \"dl4j\", \"threads\": %d, \"batch\": %d, \"batches\": %d, \"parameters\": %d,"
                        + " \"samples_per_s\": %.1f, \"plain_fit_samples_per_s\": %.1f, \"plain_fit_per_cpu_s\": %.1f, \"loss\": %.4f}%n",
                runtime.openMpThreads(), BATCH, batches, net.numParams(), trainer, plain, plainCpu, net.score());
    }

    /** The digits in the benchmark's order, cut into whole batches of {@link #BATCH}. */
    static List<DataSet> batches(LabeledDataset digits) {
        int n = digits.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) ((long) i * STRIDE % n);
        }
        LabeledDataset mixed = digits.select(order);
        List<DataSet> batches = new ArrayList<>();
        for (int first = 0; first + BATCH <= n; first += BATCH) {
            batches.add(mixed.select(IntStream.range(first, first + BATCH).toArray()).toDataSet());
        }
        return batches;
    }

    private static double samplesPerSecond(int batches, long startNanos) {
        return batches * (double) BATCH / ((System.nanoTime() - startNanos) / 1e9);
    }
}
