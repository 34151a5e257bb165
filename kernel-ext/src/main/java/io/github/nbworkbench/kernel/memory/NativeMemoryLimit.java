package io.github.nbworkbench.kernel.memory;

import org.nd4j.linalg.env.EnvironmentalAction;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Caps the memory ND4J's arrays may take outside the Java heap, so that an array too large for the
 * machine becomes an error in the cell instead of a crashed kernel.
 *
 * <p>ND4J allocates an array's memory in native code; asking for more than the machine has (e.g.
 * {@code Nd4j.create(DataType.FLOAT, 20000, 20000, 20)}, 32 GB, on a 24 GB machine) got a null
 * pointer back and the JVM died of SIGSEGV. JavaCPP's limits ({@code org.bytedeco.javacpp.maxBytes},
 * {@code maxPhysicalBytes}) are checked only after such an allocation. libnd4j checks its own
 * per-device limit before allocating and fails with a Java exception instead, which
 * {@link NativeMemoryErrors} turns into advice. ND4J runs this action when it starts, if the
 * kernelspec set {@value #VARIABLE} (bytes; environment/kernelspec/kernelspec.py sets it from the
 * machine's memory).
 */
public final class NativeMemoryLimit implements EnvironmentalAction {
    public static final String VARIABLE = "WORKBENCH_ND4J_MAX_BYTES";
    private static final int CPU_DEVICE = 0;

    @Override
    public String targetVariable() {
        return VARIABLE;
    }

    @Override
    public void process(String value) {
        long bytes;
        try {
            bytes = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(VARIABLE + " must be a number of bytes, got '" + value + "'", e);
        }
        if (bytes > 0) {
            Nd4j.getEnvironment().setDeviceLimit(CPU_DEVICE, bytes);
        }
    }
}
