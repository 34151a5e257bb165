package io.github.nbworkbench.runtime;

import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.javacpp.Loader;

/** Which build of ND4J's native library this JVM really loaded, read from JavaCPP's list of loaded libraries. */
final class NativeBuild {

    private static final String ND4J_JNI_LIBRARY_PREFIX = "jnind4j";

    private NativeBuild() {
    }

    /**
     * The platform and extension of the loaded build, e.g. {@code linux-x86_64-onednn-avx2}: JavaCPP
     * extracts each build into a folder of that name. Call it after ND4J has loaded.
     */
    static String loaded() {
        for (Map.Entry<String, String> library : Loader.getLoadedLibraries().entrySet()) {
            if (library.getKey().startsWith(ND4J_JNI_LIBRARY_PREFIX)) {
                Path folder = Path.of(library.getValue()).getParent();
                return folder == null ? library.getValue() : folder.getFileName().toString();
            }
        }
        return "unknown (no ND4J native library loaded)";
    }
}
