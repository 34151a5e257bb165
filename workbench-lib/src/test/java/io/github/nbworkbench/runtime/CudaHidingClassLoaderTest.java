package io.github.nbworkbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4jBackend;

class CudaHidingClassLoaderTest {

    @TempDir
    Path dir;

    @Test
    void leavesTheCudaBackendOutOfNd4jsBackendList() throws IOException {
        Path cpuJar = servicesIn("cpu", "org.nd4j.linalg.cpu.nativecpu.CpuBackend");
        Path cudaJar = servicesIn("cuda", "# licence header\n" + CudaHidingClassLoader.CUDA_BACKEND);
        try (URLClassLoader classPath = new URLClassLoader(new URL[] {cudaJar.toUri().toURL(), cpuJar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {

            List<URL> visible = Collections.list(
                    new CudaHidingClassLoader(classPath).getResources(CudaHidingClassLoader.BACKEND_SERVICES));

            assertEquals(List.of(cpuJar.resolve(CudaHidingClassLoader.BACKEND_SERVICES).toUri().toURL()), visible);
        }
    }

    @Test
    void nd4jFindsItsCpuBackendThroughIt() {
        List<String> backends = ServiceLoader.load(Nd4jBackend.class, new CudaHidingClassLoader(getClass().getClassLoader()))
                .stream().map(provider -> provider.type().getSimpleName()).toList();

        assertEquals(List.of("CpuBackend"), backends);
    }

    @Test
    void otherResourcesAndClassesComeFromTheParent() throws Exception {
        ClassLoader parent = getClass().getClassLoader();
        CudaHidingClassLoader loader = new CudaHidingClassLoader(parent);

        assertEquals(Nd4jBackend.class, loader.loadClass(Nd4jBackend.class.getName()));
        assertEquals(Collections.list(parent.getResources("META-INF/MANIFEST.MF")),
                Collections.list(loader.getResources("META-INF/MANIFEST.MF")));
    }

    private Path servicesIn(String folder, String content) throws IOException {
        Path services = dir.resolve(folder).resolve(CudaHidingClassLoader.BACKEND_SERVICES);
        Files.createDirectories(services.getParent());
        Files.writeString(services, content);
        return dir.resolve(folder);
    }
}
