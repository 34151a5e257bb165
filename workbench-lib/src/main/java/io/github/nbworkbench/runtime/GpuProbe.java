package io.github.nbworkbench.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds NVIDIA GPUs with nvidia-smi; it only looks, it never selects a backend. */
final class GpuProbe {

    /** The newest compute capability the CUDA build of ND4J 1.0.0-M2.1 carries code for (sm_86, no PTX). */
    static final double HIGHEST_SUPPORTED_COMPUTE_CAPABILITY = 8.6;

    private static final long TIMEOUT_SECONDS = 5;

    record Gpu(String name, String computeCapability) {

        boolean supportedByNd4j() {
            try {
                return Double.parseDouble(computeCapability) <= HIGHEST_SUPPORTED_COMPUTE_CAPABILITY;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        /** The GPU, and whether DL4J 1.0.0-M2.1 can run on it. */
        String describe() {
            return supportedByNd4j()
                    ? this + ": DL4J 1.0.0-M2.1 runs on it"
                    : this + ": too new for DL4J 1.0.0-M2.1, whose CUDA build stops at compute capability "
                    + HIGHEST_SUPPORTED_COMPUTE_CAPABILITY;
        }

        String tooNewForNd4j() {
            return this + " is newer than DL4J 1.0.0-M2.1's CUDA build supports (up to "
                    + HIGHEST_SUPPORTED_COMPUTE_CAPABILITY + ")";
        }

        @Override
        public String toString() {
            return name + " (compute capability " + computeCapability + ")";
        }
    }

    private GpuProbe() {
    }

    /** The GPUs nvidia-smi lists; empty when there is no nvidia-smi, no GPU, or it does not answer in time. */
    static List<Gpu> detect() {
        try {
            Process smi = new ProcessBuilder("nvidia-smi", "--query-gpu=name,compute_cap", "--format=csv,noheader")
                    .redirectErrorStream(true)
                    .start();
            if (!smi.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                smi.destroyForcibly();
                return List.of();
            }
            String output = new String(smi.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return smi.exitValue() == 0 ? parse(output) : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    static List<Gpu> parse(String csv) {
        List<Gpu> gpus = new ArrayList<>();
        for (String line : csv.strip().split("\\R")) {
            int comma = line.lastIndexOf(',');
            if (comma > 0) {
                gpus.add(new Gpu(line.substring(0, comma).trim(), line.substring(comma + 1).trim()));
            }
        }
        return gpus;
    }
}
