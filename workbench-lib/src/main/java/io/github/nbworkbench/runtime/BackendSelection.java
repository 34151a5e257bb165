package io.github.nbworkbench.runtime;

import java.util.List;
import java.util.Optional;
import org.nd4j.common.config.ND4JClassLoading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies {@link BackendChoice} once per JVM, before ND4J picks its backend, and remembers why. */
final class BackendSelection {

    private static final Logger LOG = LoggerFactory.getLogger(BackendSelection.class);
    private static final String CUDA_BACKEND_CLASS = "org/nd4j/linalg/jcublas/JCublasBackend.class";
    private static final String CPU_BACKEND_CLASS = "org/nd4j/linalg/cpu/nativecpu/CpuBackend.class";

    private static Optional<String> message;

    private BackendSelection() {
    }

    /**
     * Hides ND4J's CUDA backend where the GPU cannot run it, and logs why. Only the first call does
     * anything, and it must come before anything touches ND4J, which picks its backend once. Without
     * the CUDA backend on the class path this costs two class-path lookups.
     *
     * @return why ND4J does not run on the GPU; empty when there is nothing to say
     */
    static synchronized Optional<String> beforeNd4jLoads() {
        if (message == null) {
            ClassLoader nd4jLoader = ND4JClassLoading.getNd4jClassloader();
            boolean cudaBackendPresent = nd4jLoader.getResource(CUDA_BACKEND_CLASS) != null;
            BackendChoice choice = BackendChoice.decide(
                    cudaBackendPresent ? GpuProbe.detect() : List.of(),
                    cudaBackendPresent,
                    nd4jLoader.getResource(CPU_BACKEND_CLASS) != null);
            if (choice.hideCudaBackend()) {
                ND4JClassLoading.setNd4jClassloader(new CudaHidingClassLoader(nd4jLoader));
            }
            choice.message().ifPresent(LOG::warn);
            message = choice.message();
        }
        return message;
    }
}
