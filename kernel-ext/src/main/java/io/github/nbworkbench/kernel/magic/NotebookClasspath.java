package io.github.nbworkbench.kernel.magic;

import io.github.nbworkbench.kernel.WorkbenchKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.io.File;
import java.util.stream.Collectors;

/**
 * Adds paths to the classpath of cells, in our kernel or, when the extension runs in a stock
 * JJava kernel, through that kernel's own {@code addToClasspath(String)}.
 */
final class NotebookClasspath {
    private NotebookClasspath() {
    }

    static void add(BaseKernel kernel, List<Path> paths) {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new MagicException("No such file or folder: " + path.toAbsolutePath());
            }
        }
        String classpath = paths.stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
        if (kernel instanceof WorkbenchKernel workbench) {
            workbench.addToClasspath(classpath);
            return;
        }
        try {
            kernel.getClass().getMethod("addToClasspath", String.class).invoke(kernel, classpath);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new MagicException("This kernel (" + kernel.getClass().getName() + ") cannot add to its classpath.");
        } catch (InvocationTargetException e) {
            throw new MagicException(e.getCause() instanceof Exception cause ? cause : e);
        }
    }
}
