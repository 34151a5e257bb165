package io.github.nbworkbench.kernel.magic;

import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;

/** Registers the kernel's magics, under their IJava names too, so IJava notebooks run unchanged. */
public final class WorkbenchMagics {
    private WorkbenchMagics() {
    }

    public static void registerAll(MagicsRegistry registry) {
        MavenResolver resolver = MavenResolver.forCurrentUser();
        MavenMagic maven = new MavenMagic(resolver);
        registry.registerLineMagic("maven", maven);
        registry.registerLineMagic("addMavenDependency", maven);
        registry.registerLineMagic("addMavenDependencies", maven);
        registry.registerLineMagic("mavenRepo", new MavenRepoMagic(resolver));
        LoadFromPomMagic loadFromPom = new LoadFromPomMagic(resolver);
        registry.registerCellMagic("loadFromPOM", loadFromPom);
        registry.registerLineMagic("loadFromPOM", loadFromPom);
        registry.registerLineMagic("jars", JarsMagic.jars());
        registry.registerLineMagic("classpath", JarsMagic.classpath());
        registry.registerLineMagic("load", new LoadMagic());
        registry.registerLineMagic("lsmagic", new LsMagic());
        registry.registerLineMagic("doc", new DocMagic());
        registry.registerLineMagic("workbench", new PreludeMagic());
        registry.registerCellMagic("time", new TimeMagic());
    }
}
