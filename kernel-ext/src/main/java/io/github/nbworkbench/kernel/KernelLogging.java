package io.github.nbworkbench.kernel;

import java.util.Map;

/**
 * Keeps library logging out of cell output: slf4j-simple shows warnings and errors only, unless
 * the user chose a level with {@code -Dorg.slf4j.simpleLogger.defaultLogLevel} (or a logger's own
 * level with {@code -Dorg.slf4j.simpleLogger.log.<name>}).
 */
final class KernelLogging {
    private static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String LOGGER_LEVEL_PREFIX = "org.slf4j.simpleLogger.log.";
    /**
     * Spark in local mode warns about its setting, not about the user's work: a hostname that
     * resolves to loopback, Hadoop's missing native library, the size of tasks that carry the
     * notebook's data. A failed task reaches the cell as the trainer's exception with its cause,
     * so the executor's and scheduler's own error reports of it (a stack trace each) stay out.
     */
    private static final Map<String, String> LIBRARY_LEVELS = Map.of(
            "org.apache.spark", "error",
            "org.apache.hadoop", "error",
            "org.sparkproject", "error",
            "org.apache.spark.executor.Executor", "off",
            "org.apache.spark.scheduler.TaskSetManager", "off");

    private KernelLogging() {
    }

    static void quiet() {
        if (System.getProperty(LEVEL) == null) {
            System.setProperty(LEVEL, "warn");
        }
        LIBRARY_LEVELS.forEach((logger, level) -> {
            if (System.getProperty(LOGGER_LEVEL_PREFIX + logger) == null) {
                System.setProperty(LOGGER_LEVEL_PREFIX + logger, level);
            }
        });
        // Spark configures log4j 1.x itself, and says so in the cell, unless log4j already has a configuration
        if (System.getProperty("log4j.configuration") == null) {
            System.setProperty("log4j.configuration", "io/github/nbworkbench/kernel/log4j-notebook.properties");
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    }
}
