package io.github.nbworkbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuFeaturesTest {

    @Test
    void findsAvx2AndAvx512InTheFlags() {
        CpuFeatures cpu = CpuFeatures.parse(List.of(
                "processor\t: 0",
                "model name\t: AMD EPYC",
                "flags\t\t: fpu sse2 avx avx2 avx512f avx512dq"));

        assertEquals("AMD EPYC", cpu.model());
        assertEquals(List.of("AVX2", "AVX-512"), cpu.vectorExtensions());
        assertTrue(cpu.hasAvx512());
    }

    @Test
    void avx512SubsetsWithoutFoundationDoNotCount() {
        CpuFeatures cpu = CpuFeatures.parse(List.of("flags\t\t: avx2 avx512_vnni"));

        assertEquals(List.of("AVX2"), cpu.vectorExtensions());
        assertFalse(cpu.hasAvx512());
        assertEquals("unknown", cpu.model());
    }
}
