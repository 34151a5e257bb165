package io.github.nbworkbench.kernel.execution;

import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * JShell's file manager, keeping its index of the classpath from one compilation to the next.
 *
 * <p>javac hands every compilation task the option {@code --multi-release} again, with the same
 * value, and javac's file manager drops its index of which classpath jars hold which package on
 * every such option. JShell runs several tasks per cell (parse, analyses, compile), so every cell
 * re-listed all the kernel's jars: with DL4J's some 60 jars that was a large part of `1 + 1`.
 * Here a repeated option with an unchanged value is taken as handled; anything else passes on.
 */
final class IndexKeepingFileManager extends ForwardingJavaFileManager<StandardJavaFileManager>
        implements StandardJavaFileManager {
    private static final String MULTI_RELEASE = "--multi-release";

    private String multiRelease;

    IndexKeepingFileManager(StandardJavaFileManager fileManager) {
        super(fileManager);
    }

    @Override
    public synchronized boolean handleOption(String current, Iterator<String> remaining) {
        if (!MULTI_RELEASE.equals(current) || !remaining.hasNext()) {
            return super.handleOption(current, remaining);
        }
        String value = remaining.next();
        if (value.equals(multiRelease)) {
            return true;
        }
        boolean handled = super.handleOption(current, List.of(value).iterator());
        multiRelease = handled ? value : null;
        return handled;
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        return fileManager.isSameFile(a, b);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return fileManager.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return fileManager.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return fileManager.getJavaFileObjects(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return fileManager.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return fileManager.getJavaFileObjects(names);
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        fileManager.setLocation(location, files);
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        fileManager.setLocationFromPaths(location, paths);
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths)
            throws IOException {
        fileManager.setLocationForModule(location, moduleName, paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        return fileManager.getLocation(location);
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        return fileManager.getLocationAsPaths(location);
    }

    @Override
    public Path asPath(FileObject file) {
        return fileManager.asPath(file);
    }

    @Override
    public void setPathFactory(PathFactory factory) {
        fileManager.setPathFactory(factory);
    }
}
