"""A throw-away kernelspec for the Java (Workbench) kernel, shared by the tests and the benchmark.

The kernelspec that environment/setup.sh installs into the user's Jupyter is deliberately NOT
used: the tests must run against the kernel built in this checkout, wherever Jupyter looks.
`use_temporary_kernelspec(base)` writes `base/kernels/java-workbench/kernel.json` and puts `base`
first on JUPYTER_PATH, so that `KernelManager(kernel_name="java-workbench")` (and nbclient, and
jupyter_kernel_test) start this checkout's kernel.

The JVM options and environment are those users get (environment/kernelspec/kernelspec.py);
WORKBENCH_KERNEL_JAVA_OPTS adds more.
"""

import json
import os
import shlex
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "environment" / "kernelspec"))
from kernelspec import kernel_spec  # noqa: E402  (the project's kernelspec, shared with setup.sh)

KERNEL_NAME = "java-workbench"
REPO_ROOT = Path(__file__).resolve().parent.parent
KERNEL_JAR = REPO_ROOT / "kernel-ext" / "target" / "workbench-kernel.jar"
KERNEL_LIB = REPO_ROOT / "kernel-ext" / "target" / "lib"
MAIN_CLASS = "io.github.nbworkbench.kernel.KernelMain"
BUILD_COMMAND = "cd %s && flock /tmp/workbench-mvn.lock mvn -B -q -DskipTests package" % REPO_ROOT

# Extra JVM options for experiments, e.g. WORKBENCH_KERNEL_JAVA_OPTS="-Xss4m".
EXTRA_JAVA_OPTS_ENV = "WORKBENCH_KERNEL_JAVA_OPTS"


class KernelNotBuilt(RuntimeError):
    pass


def missing_build_message():
    return (
        "The Java (Workbench) kernel is not built: %s does not exist.\n"
        "Build it first (the tests never build it themselves):\n    %s"
        % (KERNEL_JAR, BUILD_COMMAND)
    )


def check_kernel_built():
    if not KERNEL_JAR.is_file():
        raise KernelNotBuilt(missing_build_message())
    if not KERNEL_LIB.is_dir() or not any(KERNEL_LIB.glob("*.jar")):
        raise KernelNotBuilt(
            "%s is missing or empty (DL4J, Tablesaw, XChart are copied there by the build).\n"
            "Build with:\n    %s" % (KERNEL_LIB, BUILD_COMMAND)
        )


def java_executable():
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    java = shutil.which("java")
    if not java:
        raise KernelNotBuilt("no `java` on PATH and JAVA_HOME is not set")
    return str(Path(java).resolve())


def kernel_json():
    """The project's kernelspec (what users get), plus WORKBENCH_KERNEL_JAVA_OPTS for experiments."""
    spec = kernel_spec(REPO_ROOT, java_executable())
    extra = shlex.split(os.environ.get(EXTRA_JAVA_OPTS_ENV, ""))
    spec["argv"][1:1] = extra
    spec["metadata"] = {"source": "temporary kernelspec written by tests/kernelspec_util.py"}
    return spec


def write_kernelspec(base_dir):
    """Write base_dir/kernels/java-workbench/kernel.json; return the kernelspec directory."""
    check_kernel_built()
    spec_dir = Path(base_dir) / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True, exist_ok=True)
    (spec_dir / "kernel.json").write_text(json.dumps(kernel_json(), indent=1))
    return spec_dir


def use_temporary_kernelspec(base_dir):
    """Write the kernelspec under base_dir and put base_dir first on JUPYTER_PATH.

    Must run before jupyter_client looks kernelspecs up (each KernelManager / KernelSpecManager
    reads JUPYTER_PATH when it is created, so setting it early in the process is enough)."""
    spec_dir = write_kernelspec(base_dir)
    old = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = str(base_dir) + (os.pathsep + old if old else "")
    from jupyter_client.kernelspec import KernelSpecManager

    found = KernelSpecManager().find_kernel_specs().get(KERNEL_NAME)
    if found is None or Path(found).resolve() != spec_dir.resolve():
        raise RuntimeError(
            "jupyter_client does not pick up the temporary kernelspec %s (found %r)"
            % (spec_dir, found)
        )
    return spec_dir
