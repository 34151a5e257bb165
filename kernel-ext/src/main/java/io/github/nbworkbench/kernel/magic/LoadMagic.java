package io.github.nbworkbench.kernel.magic;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code %load file.jsh}: runs the Java code (and magics) of a file as if it were a cell. */
final class LoadMagic implements LineMagic<Object, BaseKernel> {
    @Override
    public Object eval(BaseKernel kernel, List<String> args) throws IOException {
        if (args.size() != 1) {
            throw new MagicException("%load needs exactly one file, for example %load helpers.jsh");
        }
        Path file = Path.of(args.get(0));
        if (!Files.isRegularFile(file)) {
            throw new MagicException("%load: no such file " + file.toAbsolutePath());
        }
        return kernel.evalRaw(Files.readString(file));
    }
}
