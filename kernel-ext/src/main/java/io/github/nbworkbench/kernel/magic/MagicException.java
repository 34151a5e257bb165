package io.github.nbworkbench.kernel.magic;

import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException;

import java.util.TreeSet;

/** A magic that could not run, with a message that says why and what to do instead. */
public final class MagicException extends RuntimeException {
    public MagicException(String message) {
        super(message);
    }

    public MagicException(Exception cause) {
        super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
    }

    public static MagicException unknown(UndefinedMagicException unknown, MagicsRegistry registry) {
        boolean line = unknown.isLineMagic();
        String prefix = line ? "%" : "%%";
        TreeSet<String> known = new TreeSet<>(line ? registry.getLineMagicNames() : registry.getCellMagicNames());
        return new MagicException("Unknown " + (line ? "line" : "cell") + " magic " + prefix + unknown.getMagicName()
                + ". Known " + (line ? "line" : "cell") + " magics: " + prefix + String.join(", " + prefix, known)
                + " (%lsmagic lists them all).");
    }
}
