package io.github.nbworkbench.kernel.execution;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

import java.net.MalformedURLException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.io.File;

/** Connects JShell's class installation to the kernel's {@link CellClassLoader}. */
final class CellLoaderDelegate implements LoaderDelegate {
    private final CellClassLoader loader;
    private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();

    CellLoaderDelegate(CellClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        boolean[] installed = new boolean[classes.length];
        for (ClassBytecodes bytecodes : classes) {
            loader.declare(bytecodes.name(), bytecodes.bytecodes());
        }
        for (int i = 0; i < classes.length; i++) {
            try {
                Class<?> type = loader.loadClass(classes[i].name());
                type.getDeclaredMethods(); // links the class now, so a broken one fails here, not mid-cell
                loaded.put(classes[i].name(), type);
                installed[i] = true;
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ClassInstallException("Could not load " + classes[i].name() + ": " + e, installed);
            }
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        loader.redeclare(classes);
    }

    @Override
    public void addToClasspath(String classpath) throws InternalException {
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                loader.addURL(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new InternalException("Not a valid classpath entry: " + entry);
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> type = loaded.get(name);
        if (type == null) {
            throw new ClassNotFoundException(name + " was not loaded by this notebook");
        }
        return type;
    }
}
