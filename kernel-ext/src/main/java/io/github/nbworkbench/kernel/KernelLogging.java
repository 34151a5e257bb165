package io.github.nbworkbench.kernel;

/**
 * Keeps library logging out of cell output: slf4j-simple shows warnings and errors only, unless
 * the user chose a level with {@code -Dorg.slf4j.simpleLogger.defaultLogLevel}.
 */
final class KernelLogging {
    private static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private KernelLogging() {
    }

    static void quiet() {
        if (System.getProperty(LEVEL) == null) {
            System.setProperty(LEVEL, "warn");
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    }
}
