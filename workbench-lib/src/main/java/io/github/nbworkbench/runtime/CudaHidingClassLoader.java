package io.github.nbworkbench.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Its parent's classes and resources, except that ND4J's list of backends leaves out the CUDA one.
 * ND4J finds its backends with {@code ServiceLoader} on the class loader {@code ND4JClassLoading}
 * holds, so handing it this loader before ND4J loads makes it pick the CPU backend.
 */
final class CudaHidingClassLoader extends ClassLoader {

    static final String BACKEND_SERVICES = "META-INF/services/org.nd4j.linalg.factory.Nd4jBackend";
    static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";

    CudaHidingClassLoader(ClassLoader parent) {
        super("nd4j-without-cuda", parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> resources = super.getResources(name);
        if (!BACKEND_SERVICES.equals(name)) {
            return resources;
        }
        List<URL> withoutCuda = new ArrayList<>();
        for (URL services : Collections.list(resources)) {
            if (!listsCudaBackend(services)) {
                withoutCuda.add(services);
            }
        }
        return Collections.enumeration(withoutCuda);
    }

    private static boolean listsCudaBackend(URL services) {
        try (InputStream in = services.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(CUDA_BACKEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + services, e);
        }
    }
}
