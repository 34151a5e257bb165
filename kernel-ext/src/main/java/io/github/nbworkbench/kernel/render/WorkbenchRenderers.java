package io.github.nbworkbench.kernel.render;

import org.dflib.jjava.jupyter.kernel.display.Renderer;

import java.util.List;

/** Registers the renderers for charts, tables, images, arrays (ND4J's and Java's) and models whose library is present. */
public final class WorkbenchRenderers {
    private WorkbenchRenderers() {
    }

    public static void registerAll(Renderer renderer, ClassLoader classLoader) {
        List<RendererInstaller> installers = List.of(
                new ImageRenderers(), new ChartRenderers(), new TableRenderers(), new ArrayRenderers(), new ModelRenderers(),
                new JavaArrayRenderers());
        for (RendererInstaller installer : installers) {
            if (isPresent(installer.requiredClass(), classLoader)) {
                installer.install(renderer);
            }
        }
    }

    private static boolean isPresent(String className, ClassLoader classLoader) {
        try {
            Class.forName(className, false, classLoader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
