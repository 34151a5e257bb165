package io.github.nbworkbench.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What ND4J and DL4J really run on in this JVM, as {@link WorkbenchRuntime#describe()} read it.
 *
 * @param backend          ND4J backend and its class, e.g. {@code CPU (CpuBackend)}
 * @param nativeBuild      platform and extension of the loaded native build, e.g. {@code linux-x86_64-onednn-avx2}
 * @param blasVendor       the BLAS library ND4J calls, e.g. {@code OPENBLAS}
 * @param openMpThreads    OpenMP threads of the calling thread (ND4J's ops and oneDNN run on OpenMP)
 * @param blasThreads      threads of the BLAS library
 * @param cores            processors available to the JVM
 * @param helpersEnabled   whether DL4J creates layer helpers (its system property and ND4J's switch both allow them)
 * @param oneDnnUsable     whether DL4J's oneDNN helpers pass their own check, so that layers can use them
 * @param vectorApi        whether Java runs with its Vector API, which the fused layers ({@code FusedLstm}) compute with
 * @param dataType         ND4J's default floating-point type
 * @param cpu              the processor's model name
 * @param cpuFeatures      vector extensions the processor has that matter for the native build: AVX2, AVX-512
 * @param javaVersion      the running Java version
 * @param gpu              the GPUs found with nvidia-smi, or {@code none}
 * @param warnings         what keeps this set-up from the fastest one available here; empty when nothing does
 */
public record RuntimeDescription(
        String backend,
        String nativeBuild,
        String blasVendor,
        int openMpThreads,
        int blasThreads,
        int cores,
        boolean helpersEnabled,
        boolean oneDnnUsable,
        boolean vectorApi,
        DataType dataType,
        String cpu,
        List<String> cpuFeatures,
        String javaVersion,
        String gpu,
        List<String> warnings) {

    public RuntimeDescription {
        cpuFeatures = List.copyOf(cpuFeatures);
        warnings = List.copyOf(warnings);
    }

    /** The description as a two-column table named "Runtime": property, value; the last row holds the warnings. */
    public Table table() {
        Map<String, String> rows = properties();
        rows.put("warnings", warnings.isEmpty() ? "none" : String.join("; ", warnings));
        return Table.create("Runtime",
                StringColumn.create("property", rows.keySet()),
                StringColumn.create("value", rows.values()));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Runtime\n");
        properties().forEach((property, value) -> text.append(String.format("  %-16s %s%n", property, value)));
        warnings.forEach(warning -> text.append("  WARNING: ").append(warning).append('\n'));
        return text.toString();
    }

    private Map<String, String> properties() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("backend", backend);
        rows.put("native build", nativeBuild);
        rows.put("BLAS", blasVendor);
        rows.put("OpenMP threads", Integer.toString(openMpThreads));
        rows.put("BLAS threads", Integer.toString(blasThreads));
        rows.put("cores", Integer.toString(cores));
        rows.put("helpers", helpersEnabled ? "on" : "off");
        rows.put("oneDNN", oneDnnUsable ? "usable" : "not usable");
        rows.put("Vector API", vectorApi ? "on (fused layers vectorized)" : "off");
        rows.put("data type", dataType.toString());
        rows.put("CPU", cpu);
        rows.put("CPU features", cpuFeatures.isEmpty() ? "none of AVX2, AVX-512" : String.join(", ", cpuFeatures));
        rows.put("Java", javaVersion);
        rows.put("GPU", gpu);
        return rows;
    }
}
