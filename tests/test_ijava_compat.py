"""A notebook written for IJava runs unchanged on the Java (Workbench) kernel.

tests/notebooks/ijava-style.ipynb uses what IJava documents: %jars (with a glob), %classpath
(IJava: adds folders/jars), %maven and %addMavenDependencies, %load, display(obj),
display(obj, mime), updateDisplay(id, obj), updateDisplay(id, obj, mime), render(obj),
render(obj, mime). It is executed once with nbclient (allow_errors, so every cell runs and each
failing cell shows up separately); the tests below read the executed notebook.
"""

import os
import re
import struct
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from kernel_helpers import png_bytes

NOTEBOOK = Path(__file__).resolve().parent / "notebooks" / "ijava-style.ipynb"


@pytest.fixture(scope="module")
def executed(java_kernelspec, tmp_path_factory):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    workdir = tmp_path_factory.mktemp("ijava-compat")
    client = NotebookClient(
        nb,
        kernel_name="java-workbench",
        timeout=180,
        startup_timeout=90,
        allow_errors=True,
        resources={"metadata": {"path": str(workdir)}},
    )
    client.execute()
    nbformat.write(nb, workdir / "executed.ipynb")  # kept for looking at after a failure
    return {cell.get("id"): cell for cell in nb.cells}


def outputs(executed, cell_id):
    return executed[cell_id].get("outputs", [])


def text(executed, cell_id):
    parts = []
    for out in outputs(executed, cell_id):
        if out["output_type"] == "stream":
            parts.append(out["text"])
        elif out["output_type"] in ("execute_result", "display_data"):
            parts.append(out["data"].get("text/plain", ""))
        elif out["output_type"] == "error":
            parts.append("%s: %s" % (out["ename"], out["evalue"]))
    return "\n".join(parts)


def png_size(b64):
    return struct.unpack(">II", png_bytes(b64)[16:24])


def test_no_cell_fails(executed):
    failures = [
        "%s: %s: %s" % (cid, out["ename"], out["evalue"])
        for cid, cell in executed.items()
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if out["output_type"] == "error"
    ]
    assert not failures, "cells of the IJava-style notebook failed:\n" + "\n".join(failures)


@pytest.mark.parametrize(
    "cell_id,expected",
    [
        ("prepare", "prepared"),
        ("use-jar", "Hello from a jar, IJava"),  # %jars with a glob
        ("use-classpath", "Hello from a folder, IJava"),  # %classpath with a folder
        ("use-maven", "1"),  # %maven
        ("use-add-maven-dependencies", "7"),  # %addMavenDependencies
        ("use-load", "42"),  # %load
        ("render", "[1, 2, 3]"),  # a cell whose value is render(obj)
    ],
)
def test_cell_output(executed, cell_id, expected):
    found = re.search(r"(?<![\w.])" + re.escape(expected) + r"(?![\w.])", text(executed, cell_id))
    assert found, "cell %s: expected %r in %r" % (cell_id, expected, outputs(executed, cell_id))


def test_display_was_updated_in_place(executed):
    shown = [o for o in outputs(executed, "display") if o["output_type"] == "display_data"]
    assert len(shown) == 1, outputs(executed, "display")
    plain = shown[0]["data"].get("text/plain", "")
    assert "Done!" in plain and "Working" not in plain, (
        "updateDisplay(id, obj) did not replace the display: %r" % shown[0]
    )
    assert not [o for o in outputs(executed, "update-display") if o["output_type"] == "display_data"]


def test_display_as_mime_and_update(executed):
    shown = [o for o in outputs(executed, "display-as") if o["output_type"] == "display_data"]
    assert len(shown) == 1 and "image/png" in shown[0]["data"], outputs(executed, "display-as")
    assert png_size(shown[0]["data"]["image/png"]) == (16, 16), (
        "updateDisplay(id, obj, \"image/png\") did not replace the 4x4 image with the 16x16 one"
    )


def test_render_as_mime(executed):
    results = [o for o in outputs(executed, "render-as") if o["output_type"] == "execute_result"]
    assert len(results) == 1, outputs(executed, "render-as")
    assert "<table" in results[0]["data"].get("text/html", ""), results[0]


def test_ijava_environment_settings(fresh_kernel_factory, tmp_path):
    """IJAVA_CLASSPATH, IJAVA_STARTUP_SCRIPTS_PATH, IJAVA_STARTUP_SCRIPT and IJAVA_TIMEOUT work as in IJava."""
    classes = tmp_path / "classes"
    (classes / "demo").mkdir(parents=True)
    source = tmp_path / "Greeter.java"
    source.write_text("package demo; public class Greeter { public static String hi() { return \"hi from classpath\"; } }")
    subprocess.run(["javac", "-d", str(classes), str(source)], check=True)
    script = tmp_path / "startup.jshell"
    script.write_text("int fromScriptFile = 20;\n")

    kernel = fresh_kernel_factory("ijava-env", env={
        **os.environ,
        "IJAVA_CLASSPATH": str(classes),
        "IJAVA_STARTUP_SCRIPTS_PATH": str(tmp_path / "*.jshell"),
        "IJAVA_STARTUP_SCRIPT": "int fromInlineScript = 22;",
        "IJAVA_TIMEOUT": "1500",
    })
    reply, msgs = kernel.execute("demo.Greeter.hi() + \" \" + (fromScriptFile + fromInlineScript)")
    assert reply["content"]["status"] == "ok", msgs
    assert "hi from classpath 42" in str(msgs)

    reply, msgs = kernel.execute("while (true) { }", timeout=30)
    assert reply["content"]["status"] == "error"
    assert "time limit of 1500 ms" in str(msgs)
    reply, msgs = kernel.execute("1 + 1")
    assert reply["content"]["status"] == "ok"
