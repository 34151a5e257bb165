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
    void noOutputMeansNoGpu() {
        assertEquals(List.of(), GpuProbe.parse(""));
    }
}
