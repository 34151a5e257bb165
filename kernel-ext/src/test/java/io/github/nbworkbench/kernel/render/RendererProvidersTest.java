package io.github.nbworkbench.kernel.render;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RendererProvidersTest {
    private static final String SERVICES = "META-INF/services/" + RendererProvider.class.getName();

    @Test
    void theKernelsOwnProvidersComeFromTheServiceListing() {
        Renderer renderer = new Renderer();
        new RendererProviders(renderer).installFrom(getClass().getClassLoader());

        DisplayData table = renderer.render(Table.create("t", IntColumn.create("n", 1, 2)));
        assertTrue(String.valueOf(table.getData(MIMEType.TEXT_HTML)).startsWith("<table"), String.valueOf(table.getData(MIMEType.TEXT_HTML)));
        assertEquals("int[2] { 1, 2 }", renderer.render(new int[] {1, 2}).getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void aProviderInAnAddedFolderRendersItsTypeOnceHoweverOftenTheLoaderIsScanned(@TempDir Path classes) throws IOException {
        compile(classes, "extra/Temperature.java", "package extra; public record Temperature(double celsius) {}");
        compile(classes, "extra/TemperatureRenderers.java", """
                package extra;
                import org.dflib.jjava.jupyter.kernel.display.Renderer;
                import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
                public final class TemperatureRenderers implements io.github.nbworkbench.kernel.render.RendererProvider {
                    public static int registrations;
                    public void register(Renderer renderer) {
                        registrations++;
                        renderer.createRegistration(Temperature.class).preferring(MIMEType.TEXT_HTML).register((t, context) ->
                                context.renderIfRequested(MIMEType.TEXT_HTML, () -> "<b>" + t.celsius() + " °C</b>"));
                    }
                }
                """);
        Files.createDirectories(classes.resolve(SERVICES).getParent());
        Files.writeString(classes.resolve(SERVICES), "extra.TemperatureRenderers\n");
        Renderer renderer = new Renderer();
        RendererProviders providers = new RendererProviders(renderer);
        providers.installFrom(getClass().getClassLoader());

        try (URLClassLoader added = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Object temperature = added.loadClass("extra.Temperature").getConstructor(double.class).newInstance(21.5);
            assertEquals(null, renderer.render(temperature).getData(MIMEType.TEXT_HTML), "not rendered before the folder is scanned");

            providers.installFrom(added);
            providers.installFrom(added);

            assertEquals("<b>21.5 °C</b>", renderer.render(temperature).getData(MIMEType.TEXT_HTML));
            assertEquals(1, added.loadClass("extra.TemperatureRenderers").getField("registrations").getInt(null));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aListedClassThatDoesNotExistIsAnErrorNamingIt(@TempDir Path classes) throws IOException {
        Files.createDirectories(classes.resolve(SERVICES).getParent());
        Files.writeString(classes.resolve(SERVICES), "extra.Missing\n");
        Renderer renderer = new Renderer();
        try (URLClassLoader added = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            IllegalStateException error = assertThrows(IllegalStateException.class, () -> new RendererProviders(renderer).installFrom(added));
            assertTrue(error.getMessage().contains("extra.Missing"), error.getMessage());
        }
        assertTrue(String.valueOf(renderer.render(Table.create("t")).getData(MIMEType.TEXT_HTML)).startsWith("<table"),
                "the kernel's own providers, listed first, are registered all the same");
    }

    private static void compile(Path classes, String file, String source) throws IOException {
        Path path = classes.resolve("src").resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, source);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-cp", classes + java.io.File.pathSeparator + System.getProperty("java.class.path"), "-d", classes.toString(), path.toString());
        assertEquals(0, status, "javac " + file);
    }
}
