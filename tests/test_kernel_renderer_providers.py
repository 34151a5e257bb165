"""Renderers come from RendererProvider services: a jar added with %jars renders its own types.

The jar is built here: a record extra.Temperature and extra.TemperatureRenderers, listed in
META-INF/services/io.github.nbworkbench.kernel.render.RendererProvider, compiled with javac
against the kernel jar.
"""

import subprocess
import zipfile

import pytest

from kernel_helpers import describe, execute_result
from kernelspec_util import KERNEL_JAR

SERVICE = "META-INF/services/io.github.nbworkbench.kernel.render.RendererProvider"
SOURCES = {
    "Temperature": "package extra;\npublic record Temperature(double celsius) {}\n",
    "TemperatureRenderers": """package extra;
import io.github.nbworkbench.kernel.render.RendererProvider;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
public final class TemperatureRenderers implements RendererProvider {
    public void register(Renderer renderer) {
        renderer.createRegistration(Temperature.class).preferring(MIMEType.TEXT_HTML).register((t, context) ->
                context.renderIfRequested(MIMEType.TEXT_HTML, () -> "<b>" + t.celsius() + " degrees</b>"));
    }
}
""",
}


@pytest.fixture(scope="module")
def renderer_jar(tmp_path_factory):
    root = tmp_path_factory.mktemp("renderer-jar")
    src = root / "src" / "extra"
    src.mkdir(parents=True)
    for name, code in SOURCES.items():
        (src / (name + ".java")).write_text(code)
    classes = root / "classes"
    subprocess.run(["javac", "--release", "17", "-cp", str(KERNEL_JAR), "-d", str(classes)]
                   + [str(src / (name + ".java")) for name in SOURCES], check=True)
    jar = root / "temperature-renderers.jar"
    with zipfile.ZipFile(jar, "w") as z:
        z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n")
        z.writestr(SERVICE, "extra.TemperatureRenderers\n")
        for name in SOURCES:
            z.write(classes / "extra" / (name + ".class"), "extra/%s.class" % name)
    return jar


def html_of(kernel, code):
    reply, msgs = kernel.execute(code)
    assert reply["content"]["status"] == "ok", describe(reply, msgs)
    return (execute_result(msgs) or {}).get("text/html")


def test_a_jar_added_with_jars_renders_its_types_through_its_provider(kernel, renderer_jar):
    reply, msgs = kernel.execute("%%jars %s" % renderer_jar)
    assert reply["content"]["status"] == "ok", describe(reply, msgs)

    assert html_of(kernel, "new extra.Temperature(21.5)") == "<b>21.5 degrees</b>"


def test_the_kernels_own_renderers_still_render_after_a_provider_was_added(kernel, renderer_jar):
    kernel.execute("%%jars %s" % renderer_jar)
    html = html_of(kernel, 'tech.tablesaw.api.Table.create("t", tech.tablesaw.api.IntColumn.create("n", 1, 2))')
    assert html and html.startswith('<table class="workbench-table">'), html
