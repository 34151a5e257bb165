package io.github.nbworkbench.kernel.render;

import org.dflib.jjava.jupyter.kernel.display.Renderer;

/**
 * Registers the renderers of one library's types. Each installer names a class of that library,
 * and is only installed when it is on the classpath, so the extension also loads into a kernel
 * that lacks XChart, Tablesaw or DL4J.
 */
interface RendererInstaller {
    String requiredClass();

    void install(Renderer renderer);
}
