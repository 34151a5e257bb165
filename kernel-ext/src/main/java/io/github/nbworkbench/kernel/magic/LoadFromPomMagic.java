package io.github.nbworkbench.kernel.magic;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.CellMagic;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * IJava's {@code %%loadFromPOM}: the cell is a pom.xml or a fragment of one ({@code <dependency>} and
 * {@code <repository>} elements); its repositories are added as with {@code %mavenRepo} and its
 * dependencies resolved and added as with {@code %maven}. {@code %loadFromPOM path/to/pom.xml} does
 * the same with a file.
 */
final class LoadFromPomMagic implements CellMagic<Void, BaseKernel>, LineMagic<Void, BaseKernel> {
    private final MavenResolver resolver;

    LoadFromPomMagic(MavenResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Void eval(BaseKernel kernel, List<String> args, String body) {
        load(kernel, PomDependencies.parse(body));
        return null;
    }

    @Override
    public Void eval(BaseKernel kernel, List<String> args) {
        if (args.size() != 1) {
            throw new MagicException("%loadFromPOM needs the path of a pom.xml, e.g. %loadFromPOM pom.xml; "
                    + "or write the POM in the cell under %%loadFromPOM.");
        }
        Path pom = Path.of(args.get(0));
        try {
            load(kernel, PomDependencies.parse(Files.readString(pom)));
        } catch (IOException e) {
            throw new MagicException("Cannot read " + pom.toAbsolutePath() + ": " + e);
        }
        return null;
    }

    private void load(BaseKernel kernel, PomDependencies pom) {
        pom.repositories().forEach(repository -> resolver.addRepository(repository.id(), repository.url()));
        for (String coordinates : pom.coordinates()) {
            List<Path> jars = resolver.resolve(coordinates);
            NotebookClasspath.add(kernel, jars);
            System.out.println("Added " + coordinates + " (" + jars.size() + (jars.size() == 1 ? " jar)" : " jars)"));
        }
        for (String coordinates : pom.skipped()) {
            System.out.println("Skipped " + coordinates + " (test or provided scope)");
        }
    }
}
