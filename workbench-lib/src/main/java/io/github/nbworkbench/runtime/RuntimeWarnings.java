package io.github.nbworkbench.runtime;

import io.github.nbworkbench.layers.VectorSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns what {@link WorkbenchRuntime#describe()} read into advice: each way the set-up falls short of the best one here. */
final class RuntimeWarnings {

    private static final String AVX512_BUILD = "linux-x86_64-onednn-avx512";

    private RuntimeWarnings() {
    }

    static List<String> of(boolean cpuBackend, String nativeBuild, boolean helpersEnabled, boolean oneDnnUsable,
                           boolean vectorApi, CpuFeatures cpu, List<GpuProbe.Gpu> gpus, Optional<String> backendMessage) {
        List<String> warnings = new ArrayList<>();
        if (!helpersEnabled) {
            warnings.add("DL4J's layer helpers are off, so layers do not use oneDNN; call WorkbenchRuntime.configure() "
                    + "before building networks (or set -D" + WorkbenchRuntime.HELPERS_DISABLE_PROPERTY + "=false)");
        }
        if (cpuBackend && !nativeBuild.contains("onednn")) {
            warnings.add("the loaded native build " + nativeBuild + " has no oneDNN; build with -Dnd4j.classifier="
                    + (cpu.hasAvx512() ? AVX512_BUILD : "linux-x86_64-onednn-avx2"));
        } else if (cpuBackend && helpersEnabled && !oneDnnUsable) {
            warnings.add("DL4J's oneDNN helpers fail their check: is workbench-lib's org.nd4j.nativeblas.Nd4jCpu "
                    + "on the same class path as deeplearning4j-nn?");
        }
        if (cpuBackend && cpu.hasAvx512() && nativeBuild.endsWith("-avx2")) {
            warnings.add("this CPU has AVX-512 but the AVX2 build " + nativeBuild + " is loaded; "
                    + "-Dnd4j.classifier=" + AVX512_BUILD + " at build time selects the matching one");
        }
        if (!vectorApi) {
            warnings.add("Java runs without its Vector API, so FusedLstm computes its gates several times more slowly; "
                    + "start Java with " + VectorSupport.javaOption() + " (the kernel and ./workbench do)");
        }
        if (backendMessage.isPresent()) {
            warnings.add(backendMessage.get());
        } else {
            for (GpuProbe.Gpu gpu : gpus) {
                if (!gpu.supportedByNd4j()) {
                    warnings.add(gpu.tooNewForNd4j() + "; running on CPU");
                } else if (cpuBackend) {
                    warnings.add("GPU " + gpu + " can run DL4J 1.0.0-M2.1, but the CPU backend is loaded: build with "
                            + "-Pcuda, or, in the -Pcuda build, see ND4J's log for why it skipped its CUDA backend");
                }
            }
        }
        return warnings;
    }
}
