package io.github.nbworkbench.kernel.magic;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code %workbench}: one line at the top of a notebook imports what notebooks use (the workbench's
 * packages and {@code profile(full, workshop, smoke)}, ND4J, DL4J, Tablesaw, XChart), as listed in the
 * kernel's {@code prelude.jsh}. Prints nothing; running it again changes nothing.
 */
final class PreludeMagic implements LineMagic<Void, BaseKernel> {
    static final String PRELUDE = "/io/github/nbworkbench/kernel/prelude.jsh";

    @Override
    public Void eval(BaseKernel kernel, List<String> args) {
        if (!args.isEmpty()) {
            throw new MagicException("%workbench takes no arguments; it imports what prelude.jsh in the kernel jar lists.");
        }
        kernel.evalRaw(prelude());
        return null;
    }

    static String prelude() {
        try (InputStream in = PreludeMagic.class.getResourceAsStream(PRELUDE)) {
            if (in == null) {
                throw new IllegalStateException("The kernel jar lacks " + PRELUDE + "; rebuild kernel-ext.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + PRELUDE + " from the kernel jar", e);
        }
    }
}
