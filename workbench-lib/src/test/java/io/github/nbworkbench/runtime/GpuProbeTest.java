package io.github.nbworkbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GpuProbeTest {

    @Test
    void readsNvidiaSmiCsv() {
        List<GpuProbe.Gpu> gpus = GpuProbe.parse("NVIDIA H200, 9.0\nNVIDIA A100-SXM4-40GB, 8.0\n");

        assertEquals(List.of(new GpuProbe.Gpu("NVIDIA H200", "9.0"), new GpuProbe.Gpu("NVIDIA A100-SXM4-40GB", "8.0")), gpus);
        assertEquals("NVIDIA H200 (compute capability 9.0)", gpus.get(0).toString());
    }

    @Test
    void nd4jSupportsComputeCapabilityUpTo86() {
        assertTrue(new GpuProbe.Gpu("NVIDIA GeForce RTX 3090", "8.6").supportedByNd4j());
        assertFalse(new GpuProbe.Gpu("NVIDIA GeForce RTX 4090", "8.9").supportedByNd4j());
        assertFalse(new GpuProbe.Gpu("NVIDIA H200", "9.0").supportedByNd4j());
        assertFalse(new GpuProbe.Gpu("some GPU", "[N/A]").supportedByNd4j());
    }

    @Test
    void describeSaysWhetherDl4jRunsOnTheGpu() {
        assertEquals("NVIDIA A100-SXM4-40GB (compute capability 8.0): DL4J 1.0.0-M2.1 runs on it",
                new GpuProbe.Gpu("NVIDIA A100-SXM4-40GB", "8.0").describe());
        assertEquals("NVIDIA H200 (compute capability 9.0): too new for DL4J 1.0.0-M2.1, whose CUDA build stops at "
                + "compute capability 8.6", new GpuProbe.Gpu("NVIDIA H200", "9.0").describe());
    }

    @Test
    void noOutputMeansNoGpu() {
        assertEquals(List.of(), GpuProbe.parse(""));
    }
}
