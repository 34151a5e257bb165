package io.github.nbworkbench.kernel.magic;

import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Resolves Maven coordinates with their runtime dependencies: from the local repository first,
 * then from Maven Central and any repository added with {@code %mavenRepo}.
 */
final class MavenResolver {
    private static final String RUNTIME = "runtime";

    private final Path localRepository;
    private final List<RemoteRepository> repositories = new CopyOnWriteArrayList<>(List.of(
            new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/").build()));
    private RepositorySystem system;

    MavenResolver(Path localRepository) {
        this.localRepository = localRepository;
    }

    static MavenResolver forCurrentUser() {
        String configured = System.getProperty("maven.repo.local");
        Path local = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return new MavenResolver(local);
    }

    void addRepository(String id, String url) {
        repositories.add(new RemoteRepository.Builder(id, "default", url).build());
    }

    /** The jar of the artifact and of every runtime dependency it has. */
    List<Path> resolve(String coordinates) {
        Artifact artifact;
        try {
            artifact = new DefaultArtifact(coordinates);
        } catch (IllegalArgumentException e) {
            throw new MagicException("'" + coordinates + "' is not a Maven coordinate. Write group:artifact:version, "
                    + "for example %maven org.apache.commons:commons-lang3:3.14.0");
        }
        try (CloseableSession session = new SessionBuilderSupplier(system())
                .get()
                .withLocalRepositoryBaseDirectories(localRepository)
                .build()) {
            CollectRequest collect = new CollectRequest(new Dependency(artifact, RUNTIME), repositories);
            DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(RUNTIME));
            return system().resolveDependencies(session, request).getArtifactResults().stream()
                    .map(ArtifactResult::getArtifact)
                    .map(Artifact::getPath)
                    .collect(Collectors.toList());
        } catch (DependencyResolutionException e) {
            throw new MagicException("Could not resolve " + coordinates + " from the local repository ("
                    + localRepository + ") or " + repositoryNames() + ": " + rootMessage(e)
                    + "\nCheck the coordinates (group:artifact:version) and the network.");
        }
    }

    private synchronized RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }

    private String repositoryNames() {
        return repositories.stream().map(r -> r.getId() + " (" + r.getUrl() + ")").collect(Collectors.joining(", "));
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : error.getMessage();
    }
}
