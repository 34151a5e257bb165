package io.github.nbworkbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class Nd4jCpuStandInTest {

    /** Makes the calls DL4J's BaseMKLDNNHelper.mklDnnEnabled() makes, the same way: by name and reflection. */
    @Test
    void answersDl4jsLookupWithTheRealOneDnnSwitch() throws ReflectiveOperationException {
        Class<?> environment = Class.forName("org.nd4j.nativeblas.Nd4jCpu$Environment");
        Method getInstance = environment.getMethod("getInstance");
        Method isUseMkldnn = environment.getMethod("isUseMKLDNN");

        Object answer = isUseMkldnn.invoke(getInstance.invoke(null));

        boolean real = org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        assertEquals(real, answer);
    }
}
