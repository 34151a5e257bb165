package io.github.nbworkbench.kernel.magic;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

import java.nio.file.Path;
import java.util.List;

/** {@code %maven group:artifact:version ...}: adds artifacts and their runtime dependencies to the classpath. */
final class MavenMagic implements LineMagic<Void, BaseKernel> {
    private final MavenResolver resolver;

    MavenMagic(MavenResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Void eval(BaseKernel kernel, List<String> args) {
        if (args.isEmpty()) {
            throw new MagicException("%maven needs coordinates, for example %maven org.apache.commons:commons-lang3:3.14.0");
        }
        for (String coordinates : args) {
            List<Path> jars = resolver.resolve(coordinates);
            NotebookClasspath.add(kernel, jars);
            System.out.println("Added " + coordinates + " (" + jars.size() + (jars.size() == 1 ? " jar)" : " jars)"));
        }
        return null;
    }
}
