package io.github.nbworkbench.progress;

import java.util.Comparator;
import java.util.Optional;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the provider of a display service that wins: available, with the highest priority. */
public final class DisplayProviders {

    private static final Logger LOG = LoggerFactory.getLogger(DisplayProviders.class);

    private DisplayProviders() {
    }

    /**
     * The available provider of {@code service} (listed in {@code META-INF/services}) with the
     * highest {@link DisplayProvider#priority()}, or empty when none is. A provider whose
     * availability check throws counts as unavailable, with a warning.
     */
    public static <P extends DisplayProvider> Optional<P> best(Class<P> service) {
        return ServiceLoader.load(service).stream()
                .map(ServiceLoader.Provider::get)
                .filter(DisplayProviders::isAvailable)
                .max(Comparator.comparingInt(DisplayProvider::priority));
    }

    private static boolean isAvailable(DisplayProvider provider) {
        try {
            return provider.isAvailable();
        } catch (RuntimeException e) {
            LOG.warn("Display provider {} failed its availability check: {}", provider.getClass().getName(), e.toString());
            return false;
        }
    }
}
