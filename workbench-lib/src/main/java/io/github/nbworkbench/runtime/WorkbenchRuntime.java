package io.github.nbworkbench.runtime;

import io.github.nbworkbench.layers.VectorSupport;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Sets up ND4J and DL4J for speed on this machine, and says what they really run on.
 *
 * <p>Call {@link #configure()} first, before building networks. It switches on DL4J's layer
 * helpers, so that convolution, pooling, batch normalization and LRN run on oneDNN, and picks the
 * thread count; together that trains the classic MNIST CNN about 1.7x faster on the two-core
 * build machine (benchmarks/cnn-runtime.sh). {@link #describe()} reads the live set-up back and
 * warns about whatever still falls short.
 *
 * <p>In the {@code -Pcuda} build, the first of the two calls also decides the backend before ND4J
 * loads: CUDA where every GPU can run DL4J 1.0.0-M2.1 (compute capability up to 8.6), otherwise the
 * CPU backend, with one logged message saying why ({@link BackendChoice}).
 */
public final class WorkbenchRuntime {

    static final String HELPERS_DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";
    static final String OMP_NUM_THREADS = "OMP_NUM_THREADS";

    /**
     * Measured on the two-core build machine: one thread trains the classic CNN faster than two
     * (1230-1830 against 970-1400 samples/s with oneDNN) and the char-LSTM 2.4x faster; two threads
     * collapse whenever anything else runs on the machine.
     */
    private static final int SMALL_MACHINE_CORES = 2;

    private static boolean configured;
    private static Integer chosenThreads;

    private WorkbenchRuntime() {
    }

    /**
     * Falls back to the CPU backend where the CUDA one cannot run (see above), switches DL4J's layer
     * helpers on (unless {@code -Dorg.eclipse.deeplearning4j.helpers.disable} was given) and, unless
     * {@code OMP_NUM_THREADS} is set, uses one thread on machines with two cores or fewer; more cores
     * keep ND4J's default of one thread per physical core.
     *
     * <p>Call it before anything else touches ND4J: ND4J picks its backend once, when it loads. The
     * rest works at any time after too. Setting the thread count loads
     * ND4J (half a second to a few seconds), so on a small machine the first call does that. Later
     * calls only re-apply the chosen thread count to the calling thread, because OpenMP keeps it per
     * thread: call it again at the start of work on another thread, or set {@code OMP_NUM_THREADS}
     * before the JVM starts to cover every thread.
     */
    public static synchronized void configure() {
        if (!configured) {
            BackendSelection.beforeNd4jLoads();
            if (System.getProperty(HELPERS_DISABLE_PROPERTY) == null) {
                System.setProperty(HELPERS_DISABLE_PROPERTY, "false");
            }
            if (System.getenv(OMP_NUM_THREADS) == null
                    && Runtime.getRuntime().availableProcessors() <= SMALL_MACHINE_CORES) {
                threads(1);
            }
            configured = true;
        } else if (chosenThreads != null) {
            Nd4jThreads.setForCallingThread(chosenThreads);
        }
    }

    /**
     * Uses {@code threads} threads from now on: for ND4J's own pool and BLAS in every thread, and
     * for OpenMP (which oneDNN runs on) in the calling thread and wherever {@link #configure()} is
     * called later. Loads ND4J if it has not loaded yet.
     *
     * @throws IllegalArgumentException if {@code threads} is below 1
     */
    public static synchronized void threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Nd4jThreads.set(threads);
        chosenThreads = threads;
    }

    /**
     * Reads what is really in use from ND4J, DL4J, JavaCPP, /proc/cpuinfo and nvidia-smi, not from
     * the settings made here. Loads ND4J if it has not loaded yet.
     */
    public static RuntimeDescription describe() {
        Optional<String> backendMessage = BackendSelection.beforeNd4jLoads();
        String backendName = Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend", "unknown");
        String nativeBuild = NativeBuild.loaded();
        boolean helpersEnabled = helpersEnabled();
        boolean oneDnnUsable = BaseMKLDNNHelper.mklDnnEnabled();
        CpuFeatures cpu = CpuFeatures.read();
        List<GpuProbe.Gpu> gpus = GpuProbe.detect();
        return new RuntimeDescription(
                backendName + " (" + Nd4j.getBackend().getClass().getSimpleName() + ")",
                nativeBuild,
                Nd4j.factory().blas().getBlasVendor().toString(),
                Nd4jThreads.openMp(),
                Nd4jThreads.blas(),
                Runtime.getRuntime().availableProcessors(),
                helpersEnabled,
                oneDnnUsable,
                VectorSupport.available(),
                Nd4j.dataType(),
                cpu.model(),
                cpu.vectorExtensions(),
                Runtime.version().toString(),
                gpus.isEmpty() ? "none" : gpus.stream().map(GpuProbe.Gpu::describe).collect(Collectors.joining(", ")),
                RuntimeWarnings.of("CPU".equalsIgnoreCase(backendName), nativeBuild, helpersEnabled, oneDnnUsable,
                        VectorSupport.available(), cpu, gpus, backendMessage));
    }

    /** DL4J creates helpers only if its system property (default: disabled) and ND4J's switch both allow it. */
    private static boolean helpersEnabled() {
        boolean disabledByProperty = Boolean.parseBoolean(System.getProperty(HELPERS_DISABLE_PROPERTY, "true"));
        return !disabledByProperty && Nd4j.getEnvironment().helpersAllowed();
    }
}
