package io.github.nbworkbench.kernel.render;

import org.dflib.jjava.jupyter.kernel.display.Renderer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Registers on one {@link Renderer} the renderers of every {@link RendererProvider} a class loader
 * sees, each provider once: call {@link #installFrom} again after jars were added, and only the
 * new providers register.
 */
public final class RendererProviders {
    private final Renderer renderer;
    private final Set<String> installed = new HashSet<>();

    public RendererProviders(Renderer renderer) {
        this.renderer = renderer;
    }

    /**
     * Registers the providers not registered yet, in {@link ServiceLoader} order (the kernel's own
     * listing first, then added jars in the order they were added), skipping those whose required
     * class is missing.
     *
     * @throws IllegalStateException naming the listings that could not be loaded, after the others registered
     */
    public synchronized void installFrom(ClassLoader classLoader) {
        List<String> failures = new ArrayList<>();
        Iterator<RendererProvider> providers = ServiceLoader.load(RendererProvider.class, classLoader).iterator();
        while (hasNext(providers, failures)) {
            try {
                RendererProvider provider = providers.next();
                String name = provider.getClass().getName();
                if (!installed.contains(name) && isPresent(provider.requiredClass(), provider)) {
                    provider.register(renderer);
                    installed.add(name);
                }
            } catch (ServiceConfigurationError e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Some renderers could not be loaded (check the class names listed in META-INF/services/"
                    + RendererProvider.class.getName() + " and that each has a public no-argument constructor):\n  "
                    + String.join("\n  ", failures));
        }
    }

    private static boolean hasNext(Iterator<RendererProvider> providers, List<String> failures) {
        try {
            return providers.hasNext();
        } catch (ServiceConfigurationError e) {
            failures.add(e.getMessage());
            return false;
        }
    }

    private static boolean isPresent(String className, RendererProvider provider) {
        try {
            Class.forName(className, false, provider.getClass().getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
