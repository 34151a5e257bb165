package io.github.nbworkbench.runtime;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * End-to-end check of one ND4J backend: it is the expected one, and the classic MNIST CNN trains on
 * it (the loss falls on synthetic data). Prints the live set-up, the device and a last line
 * {@code RESULT <backend> <training samples/s>}; exits 1 when the backend is not the expected one or
 * training does not learn.
 *
 * <p>Not a test: environment/gpu-check.sh runs it once with the CUDA build and once with the CPU build.
 */
public final class GpuCheck {

    private static final int BATCH = 128;
    private static final int DISTINCT_BATCHES = 4;
    private static final int WARMUP_BATCHES = 5;
    private static final int TIMED_BATCHES = 40;

    public static void main(String[] args) {
        if (args.length != 2 || !args[0].equals("--expect") || !List.of("cuda", "cpu").contains(args[1])) {
            System.err.println("usage: GpuCheck --expect cuda|cpu");
            System.exit(2);
        }
        boolean expectCuda = args[1].equals("cuda");
        WorkbenchRuntime.configure();
        System.out.println(WorkbenchRuntime.describe());
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        boolean onCuda = backend.equals("JCublasBackend");
        System.out.println("backend: " + backend + ", device: " + (onCuda ? cudaDevice() : "CPU " + CpuFeatures.read().model()));
        if (onCuda != expectCuda) {
            fail("expected the " + (expectCuda ? "CUDA" : "CPU") + " backend, but ND4J loaded " + backend);
        }

        List<DataSet> batches = syntheticBatches();
        MultiLayerNetwork net = CnnRuntimeBenchmark.classicCnn();
        double lossBefore = net.score(batches.get(0));
        for (int i = 0; i < WARMUP_BATCHES; i++) {
            net.fit(batches.get(i % DISTINCT_BATCHES));
        }
        long start = System.nanoTime();
        for (int i = 0; i < TIMED_BATCHES; i++) {
            net.fit(batches.get(i % DISTINCT_BATCHES));
        }
        double samplesPerSecond = TIMED_BATCHES * (double) BATCH / ((System.nanoTime() - start) / 1e9);
        double lossAfter = net.score(batches.get(0));
        System.out.printf(Locale.ROOT, "loss on the first batch: %.4f before, %.4f after %d batches%n",
                lossBefore, lossAfter, WARMUP_BATCHES + TIMED_BATCHES);
        if (!(lossAfter < lossBefore)) {
            fail("training did not lower the loss on " + backend);
        }
        System.out.printf(Locale.ROOT, "RESULT %s %.1f%n", onCuda ? "cuda" : "cpu", samplesPerSecond);
    }

    /** Learnable at a glance: the class is the 7x7 tile, of the sixteen, that is brighter than the rest. */
    private static List<DataSet> syntheticBatches() {
        Nd4j.getRandom().setSeed(42);
        return IntStream.range(0, DISTINCT_BATCHES).mapToObj(b -> {
            INDArray features = Nd4j.rand(BATCH, 1, 28, 28).muli(0.5);
            INDArray labels = Nd4j.zeros(BATCH, 10);
            for (int i = 0; i < BATCH; i++) {
                int label = (i + b) % 10;
                labels.putScalar(i, label, 1.0);
                int row = label / 4 * 7;
                int column = label % 4 * 7;
                features.get(point(i), all(), interval(row, row + 7), interval(column, column + 7)).addi(0.5);
            }
            return new DataSet(features, labels);
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private static String cudaDevice() {
        Object devices = Nd4j.getExecutioner().getEnvironmentInformation().get("cuda.devicesInformation");
        if (!(devices instanceof List<?> list) || list.isEmpty()) {
            return "unknown (ND4J reports no CUDA device)";
        }
        Map<String, Object> first = (Map<String, Object>) list.get(0);
        return first.get("cuda.deviceName") + " (compute capability " + first.get("cuda.deviceMajor") + "."
                + first.get("cuda.deviceMinor") + ")";
    }

    private static void fail(String message) {
        System.out.println("FAILED: " + message);
        System.exit(1);
    }
}
