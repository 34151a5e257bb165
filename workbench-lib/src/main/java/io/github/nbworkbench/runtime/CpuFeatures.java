package io.github.nbworkbench.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The processor's model name and vector extensions, as the kernel reports them in /proc/cpuinfo. */
record CpuFeatures(String model, List<String> vectorExtensions) {

    static final String AVX2 = "AVX2";
    static final String AVX512 = "AVX-512";

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    static CpuFeatures read() {
        try {
            return parse(Files.readAllLines(CPUINFO));
        } catch (IOException | SecurityException e) {
            return new CpuFeatures("unknown (" + CPUINFO + " not readable)", List.of());
        }
    }

    static CpuFeatures parse(List<String> cpuinfo) {
        String model = valueOf(cpuinfo, "model name");
        Set<String> flags = Set.copyOf(Arrays.asList(valueOf(cpuinfo, "flags").split("\\s+")));
        List<String> extensions = new ArrayList<>();
        if (flags.contains("avx2")) {
            extensions.add(AVX2);
        }
        if (flags.contains("avx512f")) {
            extensions.add(AVX512);
        }
        return new CpuFeatures(model.isEmpty() ? "unknown" : model, List.copyOf(extensions));
    }

    boolean hasAvx512() {
        return vectorExtensions.contains(AVX512);
    }

    private static String valueOf(List<String> cpuinfo, String key) {
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }
}
