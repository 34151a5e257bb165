package io.github.nbworkbench.kernel;

import io.github.nbworkbench.kernel.magic.WorkbenchMagics;
import io.github.nbworkbench.kernel.render.RendererProviders;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * Everything the workbench adds to a kernel: the magics, and the renderers for charts, tables,
 * images, arrays and models (its {@link io.github.nbworkbench.kernel.render.RendererProvider}s).
 * Listed as a JJava {@link Extension}, so the same jar also extends a stock JJava kernel when it is
 * added with {@code %jars} or {@code %maven}.
 */
public final class WorkbenchExtension implements Extension {
    @Override
    public void install(BaseKernel kernel) {
        // our kernel installs renderer providers itself, also from the jars that cells add later
        if (!(kernel instanceof WorkbenchKernel)) {
            new RendererProviders(kernel.getRenderer()).installFrom(WorkbenchExtension.class.getClassLoader());
        }
        WorkbenchMagics.registerAll(kernel.getMagicsRegistry());
    }
}
