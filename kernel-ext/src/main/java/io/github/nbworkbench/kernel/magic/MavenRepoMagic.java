package io.github.nbworkbench.kernel.magic;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

import java.util.List;

/** {@code %mavenRepo id url}: one more repository for {@code %maven} to search after the local one and Central. */
final class MavenRepoMagic implements LineMagic<Void, BaseKernel> {
    private final MavenResolver resolver;

    MavenRepoMagic(MavenResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Void eval(BaseKernel kernel, List<String> args) {
        if (args.size() != 2) {
            throw new MagicException("%mavenRepo needs an id and a URL, for example %mavenRepo snapshots https://example.org/maven2/");
        }
        resolver.addRepository(args.get(0), args.get(1));
        return null;
    }
}
