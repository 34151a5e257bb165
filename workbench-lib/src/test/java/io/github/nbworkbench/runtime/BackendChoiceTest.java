package io.github.nbworkbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackendChoiceTest {

    private static final GpuProbe.Gpu H200 = new GpuProbe.Gpu("NVIDIA H200", "9.0");
    private static final GpuProbe.Gpu RTX_3090 = new GpuProbe.Gpu("NVIDIA GeForce RTX 3090", "8.6");
    private static final GpuProbe.Gpu A100 = new GpuProbe.Gpu("NVIDIA A100-SXM4-40GB", "8.0");

    @Test
    void withoutTheCudaBackendThereIsNothingToChoose() {
        assertEquals(new BackendChoice(false, Optional.empty()), BackendChoice.decide(List.of(H200), false, true));
    }

    @Test
    void supportedGpusKeepTheCudaBackend() {
        assertEquals(new BackendChoice(false, Optional.empty()),
                BackendChoice.decide(List.of(RTX_3090, A100), true, true));
    }

    @Test
    void hopperFallsBackToTheCpu() {
        BackendChoice choice = BackendChoice.decide(List.of(H200), true, true);

        assertTrue(choice.hideCudaBackend());
        assertEquals(Optional.of("NVIDIA H200 (compute capability 9.0) is newer than DL4J 1.0.0-M2.1's CUDA build "
                + "supports (up to 8.6); running on CPU"), choice.message());
    }

    @Test
    void noGpuFallsBackToTheCpu() {
        BackendChoice choice = BackendChoice.decide(List.of(), true, true);

        assertTrue(choice.hideCudaBackend());
        assertEquals(Optional.of("ND4J's CUDA backend is on the class path but nvidia-smi finds no NVIDIA GPU; "
                + "running on CPU"), choice.message());
    }

    @Test
    void oneTooNewGpuAmongSupportedOnesFallsBackAndSaysHowToUseTheOthers() {
        BackendChoice choice = BackendChoice.decide(List.of(A100, H200), true, true);

        assertTrue(choice.hideCudaBackend());
        assertTrue(choice.message().orElseThrow().startsWith("NVIDIA H200 (compute capability 9.0) is newer"),
                choice::toString);
        assertTrue(choice.message().orElseThrow().endsWith("CUDA_VISIBLE_DEVICES to use the other GPUs)"),
                choice::toString);
    }

    @Test
    void withoutACpuBackendTheCudaOneStaysAndTheMessageSaysItWillFail() {
        BackendChoice choice = BackendChoice.decide(List.of(H200), true, false);

        assertFalse(choice.hideCudaBackend());
        assertTrue(choice.message().orElseThrow().contains("no CPU backend (nd4j-native) on the class path"),
                choice::toString);
    }
}
