package io.github.nbworkbench.kernel.render;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * Java arrays (primitive and object, nested) show their contents. Array classes have no common
 * superclass but Object, so the renderer is registered for Object and handles arrays only; every
 * other value keeps its own renderer or toString().
 */
public final class JavaArrayRenderers implements RendererProvider {
    @Override
    public void register(Renderer renderer) {
        renderer.createRegistration(Object.class)
                .preferring(MIMEType.TEXT_PLAIN)
                .register((value, context) -> {
                    if (value.getClass().isArray()) {
                        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> JavaArrayText.of(value));
                    }
                });
    }
}
