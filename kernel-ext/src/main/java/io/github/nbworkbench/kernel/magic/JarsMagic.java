package io.github.nbworkbench.kernel.magic;

import io.github.nbworkbench.kernel.WorkbenchKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %jars path-or-glob ...} adds jar files (a glob such as {@code lib/*.jar} adds each match);
 * {@code %classpath path ...} adds jars or class folders, and alone lists the cells' classpath.
 */
final class JarsMagic implements LineMagic<Object, BaseKernel> {
    private final String name;
    private final boolean listWhenEmpty;

    private JarsMagic(String name, boolean listWhenEmpty) {
        this.name = name;
        this.listWhenEmpty = listWhenEmpty;
    }

    static JarsMagic jars() {
        return new JarsMagic("jars", false);
    }

    static JarsMagic classpath() {
        return new JarsMagic("classpath", true);
    }

    @Override
    public Object eval(BaseKernel kernel, List<String> args) throws IOException {
        if (args.isEmpty()) {
            if (listWhenEmpty) {
                return String.join("\n", kernel instanceof WorkbenchKernel workbench ? workbench.classpath()
                        : List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
            }
            throw new MagicException("%" + name + " needs at least one path or glob, for example %" + name + " lib/*.jar");
        }
        List<Path> paths = new ArrayList<>();
        for (String pattern : args) {
            List<Path> matches = new ArrayList<>();
            matches.addAll(PathGlob.expand(pattern));
            if (matches.isEmpty()) {
                throw new MagicException("%" + name + ": nothing matches " + pattern + " (relative paths start at "
                        + Path.of("").toAbsolutePath() + ")");
            }
            paths.addAll(matches);
        }
        NotebookClasspath.add(kernel, paths);
        return null;
    }
}
