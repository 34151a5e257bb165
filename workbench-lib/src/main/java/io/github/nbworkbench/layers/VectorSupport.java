package io.github.nbworkbench.layers;

/**
 * Whether this JVM runs with the JDK's Vector API, an incubator module Java resolves only when
 * started with {@code --add-modules jdk.incubator.vector} (the kernel, the tests and the benchmarks
 * are). This class does not touch the module, so it loads either way.
 */
public final class VectorSupport {

    private static final String MODULE = "jdk.incubator.vector";
    private static final boolean AVAILABLE = ModuleLayer.boot().findModule(MODULE).isPresent();

    private VectorSupport() {
    }

    /** True when the fused layers compute with the Vector API. */
    public static boolean available() {
        return AVAILABLE;
    }

    /** The Java option that makes the Vector API available. */
    public static String javaOption() {
        return "--add-modules " + MODULE;
    }
}
