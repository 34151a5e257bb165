package io.github.nbworkbench.kernel;

import io.github.nbworkbench.kernel.magic.WorkbenchMagics;
import io.github.nbworkbench.kernel.render.WorkbenchRenderers;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * Everything the workbench adds to a kernel: renderers for charts, tables, images, arrays and
 * models, and the magics. Listed as a JJava {@link Extension}, so the same jar also extends a
 * stock JJava kernel when it is added with {@code %jars} or {@code %maven}.
 */
public final class WorkbenchExtension implements Extension {
    @Override
    public void install(BaseKernel kernel) {
        WorkbenchRenderers.registerAll(kernel.getRenderer(), WorkbenchExtension.class.getClassLoader());
        WorkbenchMagics.registerAll(kernel.getMagicsRegistry());
    }
}
