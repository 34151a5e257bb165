package io.github.nbworkbench.runtime;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether ND4J may load its CUDA backend here. ND4J prefers CUDA whenever it is on the class path and
 * a driver answers, even on a GPU its CUDA build has no code for, and then fails at the first op; so
 * the CUDA backend is hidden unless every GPU can run it, and a CPU backend is there to take over.
 *
 * @param hideCudaBackend whether to hide the CUDA backend from ND4J, so that it loads the CPU one
 * @param message         why ND4J does not run on the GPU; empty when there is nothing to say
 */
record BackendChoice(boolean hideCudaBackend, Optional<String> message) {

    static BackendChoice decide(List<GpuProbe.Gpu> gpus, boolean cudaBackendPresent, boolean cpuBackendPresent) {
        if (!cudaBackendPresent) {
            return new BackendChoice(false, Optional.empty());
        }
        List<GpuProbe.Gpu> unsupported = gpus.stream().filter(gpu -> !gpu.supportedByNd4j()).toList();
        if (!gpus.isEmpty() && unsupported.isEmpty()) {
            return new BackendChoice(false, Optional.empty());
        }
        String reason = gpus.isEmpty()
                ? "ND4J's CUDA backend is on the class path but nvidia-smi finds no NVIDIA GPU"
                : unsupported.stream().map(GpuProbe.Gpu::tooNewForNd4j).collect(Collectors.joining("; "));
        if (!cpuBackendPresent) {
            return new BackendChoice(false, Optional.of(reason
                    + "; there is no CPU backend (nd4j-native) on the class path to fall back to, so ND4J will fail"));
        }
        boolean someSupported = unsupported.size() < gpus.size();
        return new BackendChoice(true, Optional.of(reason + "; running on CPU"
                + (someSupported ? " (hide it with CUDA_VISIBLE_DEVICES to use the other GPUs)" : "")));
    }
}
