package io.github.nbworkbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuntimeWarningsTest {

    private static final CpuFeatures AVX2_CPU = new CpuFeatures("cpu", List.of("AVX2"));
    private static final CpuFeatures AVX512_CPU = new CpuFeatures("cpu", List.of("AVX2", "AVX-512"));
    private static final String AVX2_BUILD = "linux-x86_64-onednn-avx2";

    @Test
    void nothingToSayAboutTheBestSetUp() {
        assertEquals(List.of(), RuntimeWarnings.of(true, AVX2_BUILD, true, true, true, AVX2_CPU, List.of(), Optional.empty()));
    }

    @Test
    void helpersOff() {
        List<String> warnings = RuntimeWarnings.of(true, AVX2_BUILD, false, true, true, AVX2_CPU, List.of(), Optional.empty());

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("WorkbenchRuntime.configure()"), warnings::toString);
    }

    @Test
    void withoutTheVectorApi() {
        List<String> warnings = RuntimeWarnings.of(true, AVX2_BUILD, true, true, false, AVX2_CPU, List.of(), Optional.empty());

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("--add-modules jdk.incubator.vector"), warnings.get(0));
    }

    @Test
    void avx512CpuWithTheAvx2Build() {
        List<String> warnings = RuntimeWarnings.of(true, AVX2_BUILD, true, true, true, AVX512_CPU, List.of(), Optional.empty());

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("-Dnd4j.classifier=linux-x86_64-onednn-avx512"), warnings::toString);
    }

    @Test
    void buildWithoutOneDnn() {
        List<String> warnings = RuntimeWarnings.of(true, "linux-x86_64", true, false, true, AVX2_CPU, List.of(), Optional.empty());

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("has no oneDNN"), warnings::toString);
    }

    @Test
    void oneDnnBuildWhoseHelpersFailTheirCheck() {
        List<String> warnings = RuntimeWarnings.of(true, AVX2_BUILD, true, false, true, AVX2_CPU, List.of(), Optional.empty());

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("org.nd4j.nativeblas.Nd4jCpu"), warnings::toString);
    }

    @Test
    void hopperGpuIsTooNew() {
        List<String> warnings = RuntimeWarnings.of(true, AVX2_BUILD, true, true, true, AVX2_CPU,
                List.of(new GpuProbe.Gpu("NVIDIA H200", "9.0")), Optional.empty());

        assertEquals(List.of("NVIDIA H200 (compute capability 9.0) is newer than DL4J 1.0.0-M2.1's CUDA build "
                + "supports (up to 8.6); running on CPU"), warnings);
    }

    @Test
    void supportedGpuWithTheCpuBackendPointsToTheCudaProfile() {
        List<String> warnings = RuntimeWarnings.of(true, AVX2_BUILD, true, true, true, AVX2_CPU,
                List.of(new GpuProbe.Gpu("NVIDIA A100-SXM4-40GB", "8.0")), Optional.empty());

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("-Pcuda"), warnings::toString);
    }

    @Test
    void theBackendChoiceSpeaksForTheGpusWhenItFellBackToTheCpu() {
        String fallback = "NVIDIA H200 (compute capability 9.0) is newer than ...; running on CPU";

        List<String> warnings = RuntimeWarnings.of(true, AVX2_BUILD, true, true, true, AVX2_CPU,
                List.of(new GpuProbe.Gpu("NVIDIA H200", "9.0")), Optional.of(fallback));

        assertEquals(List.of(fallback), warnings);
    }
}
