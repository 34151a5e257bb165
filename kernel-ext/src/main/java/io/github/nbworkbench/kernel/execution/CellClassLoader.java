package io.github.nbworkbench.kernel.execution;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the classes JShell compiles from cells, and the jars that {@code %jars} and
 * {@code %maven} add. It is also the context class loader of cell threads, so libraries that
 * look things up with {@link java.util.ServiceLoader} (ND4J's backends, for one) find what a
 * notebook added.
 */
public final class CellClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> snippetClasses = new ConcurrentHashMap<>();

    CellClassLoader(ClassLoader parent) {
        super(new URL[0], parent);
    }

    void declare(String className, byte[] bytecode) {
        snippetClasses.put(className, bytecode);
    }

    void redeclare(jdk.jshell.spi.ExecutionControl.ClassBytecodes[] classes) {
        for (jdk.jshell.spi.ExecutionControl.ClassBytecodes bytecodes : classes) {
            declare(bytecodes.name(), bytecodes.bytecodes());
        }
    }

    @Override
    public void addURL(URL url) {
        super.addURL(url);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytecode = snippetClasses.get(name);
        if (bytecode == null) {
            return super.findClass(name);
        }
        return defineClass(name, bytecode, 0, bytecode.length);
    }
}
