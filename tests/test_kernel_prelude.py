"""%workbench, the one-line notebook prelude, checked through a real Jupyter client.

After %workbench, every class the prelude imports (one by one, or through a wildcard package), and
every class a notebook still imports itself, is known by its simple name, and profile(full, workshop,
smoke) follows WORKBENCH_PROFILE.
"""

import json
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from kernel_helpers import all_text, describe, error_text, of_type, stream_text
from kernelspec_util import KERNEL_LIB, REPO_ROOT, java_executable

SLOW = 120  # the first cell that touches DL4J classes loads them
IMPORT = re.compile(r"^\s*import\s+([\w.]+?)(\.\*)?\s*;", re.MULTILINE)
# workbench-spark is not on the kernel's classpath: the Spark notebook adds its jars with %jars first
NOT_ON_THE_KERNEL_CLASSPATH = ("io.github.nbworkbench.spark",)


PRELUDE = REPO_ROOT / "kernel-ext/src/main/resources/io/github/nbworkbench/kernel/prelude.jsh"


def imports_of(*sources):
    """(single-type imports, wildcard packages) of Java sources; static imports are not classes."""
    classes, packages = set(), set()
    for source in sources:
        for name, wildcard in IMPORT.findall(source):
            if not name.startswith(NOT_ON_THE_KERNEL_CLASSPATH):
                (packages if wildcard else classes).add(name)
    return classes, packages


def notebook_code():
    return ["".join(cell["source"])
            for notebook in sorted((REPO_ROOT / "notebooks").glob("*.ipynb"))
            for cell in json.loads(notebook.read_text())["cells"] if cell["cell_type"] == "code"]


def classes_in(package):
    """The top-level classes of a package, from the kernel's lib/ jars or the JDK's modules."""
    folder = package.replace(".", "/") + "/"
    entries = []
    if package.startswith("java."):
        java_home = Path(java_executable()).parent.parent
        listing = subprocess.run([str(java_home / "bin" / "jimage"), "list", str(java_home / "lib" / "modules")],
                                 capture_output=True, text=True, check=True).stdout
        entries = [line.strip() for line in listing.splitlines()]
    else:
        for jar in KERNEL_LIB.glob("*.jar"):
            with zipfile.ZipFile(jar) as z:
                entries += z.namelist()
    return sorted({
        package + "." + entry[len(folder):-len(".class")]
        for entry in entries
        if entry.startswith(folder) and entry.endswith(".class") and "/" not in entry[len(folder):]
        and "$" not in entry and "-" not in entry
    })


def run_ok(kernel, code, timeout=60):
    reply, msgs = kernel.execute(code, timeout=timeout)
    assert reply["content"]["status"] == "ok", "cell failed: %r\n%s" % (code[:300], describe(reply, msgs))
    return reply, msgs


def printed_lines(kernel, code, timeout=SLOW):
    reply, msgs = run_ok(kernel, code, timeout)
    return stream_text(msgs, "stdout").splitlines()


def java_strings(names):
    return "java.util.List.of(%s)" % ", ".join('"%s"' % n for n in names)


@pytest.fixture(scope="module")
def prelude_kernel(fresh_kernel_factory):
    """A kernel of its own, so that no other test's imports stand in for the prelude's."""
    kernel = fresh_kernel_factory("prelude")
    reply, msgs = run_ok(kernel, "%workbench", timeout=SLOW)
    assert not of_type(msgs, "stream") and not of_type(msgs, "display_data") and not of_type(msgs, "execute_result"), (
        "%%workbench should print nothing\n%s" % describe(reply, msgs))
    return kernel


def test_every_class_the_prelude_or_a_notebook_imports_is_known_after_the_prelude(prelude_kernel):
    classes, packages = imports_of(PRELUDE.read_text(), *notebook_code())
    assert len(classes) > 10 and len(packages) > 10, "the prelude's imports were found: %s %s" % (classes, packages)
    candidates = sorted(set(classes) | {c for package in packages for c in classes_in(package)})
    assert len(candidates) > 200, candidates
    public = printed_lines(prelude_kernel, java_strings(candidates) + """.stream().filter(name -> {
            try {
                return java.lang.reflect.Modifier.isPublic(
                        Class.forName(name, false, Thread.currentThread().getContextClassLoader()).getModifiers());
            } catch (Throwable notLoadable) {
                return false;
            }
        }).forEach(System.out::println);""")
    assert set(classes) <= set(public), "imported by notebooks but not on the kernel's classpath: %s" % (
        set(classes) - set(public))
    # a name a notebook imports one by one must be that class; a wildcard's name may be any class of that name
    expected = {name.rsplit(".", 1)[1]: {name} for name in classes}
    for name in public:
        expected.setdefault(name.rsplit(".", 1)[1], set()).add(name)
    simple_names = sorted(expected)

    run_ok(prelude_kernel, "".join("import %s;\n" % name for name in sorted(classes)))  # as the notebooks do
    reply, msgs = prelude_kernel.execute("Stream.of(%s).map(Class::getName).forEach(System.out::println);"
                                         % ", ".join(n + ".class" for n in simple_names), timeout=SLOW)
    problems = [line for line in error_text(reply, msgs).splitlines() if re.match(r"\s*(error:|symbol:)", line)]
    assert reply["content"]["status"] == "ok", "names unknown or ambiguous after %%workbench:\n%s" % "\n".join(problems)
    resolved = stream_text(msgs, "stdout").splitlines()

    wrong = {n: (got, sorted(expected[n])) for n, got in zip(simple_names, resolved) if got not in expected[n]}
    assert len(resolved) == len(simple_names) and not wrong, wrong


def test_the_prelude_twice_is_harmless_and_keeps_variables(prelude_kernel):
    run_ok(prelude_kernel, "int kept = 7;")
    reply, msgs = run_ok(prelude_kernel, "%workbench")
    assert not of_type(msgs, "stream"), describe(reply, msgs)
    assert printed_lines(prelude_kernel, "System.out.println(kept + \" \" + Nd4j.class.getSimpleName());") == ["7 Nd4j"]


def test_profile_follows_workbench_profile_and_is_workshop_when_unset(fresh_kernel_factory):
    for value, expected in (("smoke", "1 smoke"), ("full", "8 full"), ("workshop", "3 workshop"), (None, "3 workshop")):
        env = {k: v for k, v in os.environ.items() if k != "WORKBENCH_PROFILE"}
        if value is not None:
            env["WORKBENCH_PROFILE"] = value
        kernel = fresh_kernel_factory("profile-%s" % value, env=env)
        run_ok(kernel, "%workbench", timeout=SLOW)
        assert printed_lines(kernel, 'System.out.println(profile(8, 3, 1) + " " + Profile.current());') == [expected]
        kernel.stop()


def test_an_unknown_profile_is_an_error_naming_the_allowed_ones(fresh_kernel_factory):
    kernel = fresh_kernel_factory("profile-unknown", env=dict(os.environ, WORKBENCH_PROFILE="fast"))
    run_ok(kernel, "%workbench", timeout=SLOW)
    reply, msgs = kernel.execute("profile(8, 3, 1)")
    assert reply["content"]["status"] == "error", describe(reply, msgs)
    assert "WORKBENCH_PROFILE=fast is not a profile: set it to one of full, workshop, smoke" in error_text(reply, msgs), describe(reply, msgs)
    kernel.stop()


def test_workbench_magic_takes_no_arguments(prelude_kernel):
    reply, msgs = prelude_kernel.execute("%workbench extra")
    assert reply["content"]["status"] == "error", describe(reply, msgs)
    assert "takes no arguments" in error_text(reply, msgs), describe(reply, msgs)


def test_lsmagic_lists_workbench(prelude_kernel):
    reply, msgs = run_ok(prelude_kernel, "%lsmagic")
    assert re.search(r"%workbench\b", all_text(reply, msgs)), describe(reply, msgs)
