package io.github.nbworkbench.kernel.render;

import org.dflib.jjava.jupyter.kernel.display.Renderer;

/**
 * Registers renderers for some types on the kernel's {@link Renderer}. Providers are found with
 * {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/io.github.nbworkbench.kernel.render.RendererProvider}, and a jar added
 * with {@code %jars} or {@code %maven} renders its types from the next cell on.
 * <pre>{@code
 * public final class MatrixRenderers implements RendererProvider {
 *     public void register(Renderer renderer) {
 *         renderer.createRegistration(Matrix.class)
 *                 .preferring(MIMEType.TEXT_HTML)
 *                 .register((matrix, context) -> context.renderIfRequested(MIMEType.TEXT_HTML, matrix::toHtml));
 *     }
 * }
 * }</pre>
 * Renderers for the same type run in the order their providers were found: the kernel's own first,
 * then those of added jars in the order the jars were added.
 */
public interface RendererProvider {
    void register(Renderer renderer);

    /**
     * A class the renderers need; when it cannot be loaded (say, XChart is not on the classpath)
     * the provider is skipped instead of failing the kernel. By default the provider needs nothing.
     */
    default String requiredClass() {
        return Object.class.getName();
    }
}
