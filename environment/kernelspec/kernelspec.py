"""The Java (Workbench) kernelspec, filled in for one checkout and one machine.

Used by environment/setup.sh (the kernelspec users get) and by the tests (a throw-away copy of the
same kernelspec), so both start the kernel with the very same JVM flags and environment.
"""

import json
import os
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "kernel.json.template"
SMALL_MACHINE_CORES = 2


def kernel_spec(repo, java):
    """kernel.json as a dict: the template with the java binary and this checkout's classpath."""
    repo = Path(repo)
    spec = json.loads(TEMPLATE.read_text())
    kernel_jar = repo / "kernel-ext/target/workbench-kernel.jar"
    classpath = "%s:%s/*" % (kernel_jar, repo / "kernel-ext/target/lib")
    spec["argv"] = [a.replace("@JAVA@", str(java)).replace("@KERNEL_JAR@", str(kernel_jar)).replace("@CLASSPATH@", classpath)
                    for a in spec["argv"]]
    if os.cpu_count() <= SMALL_MACHINE_CORES:
        # JShell's compiler allocates a lot per cell; on two cores G1's concurrent threads compete
        # with it: executing `1 + 1` took 31-42 ms with G1 and 20-22 ms with the serial collector.
        spec["argv"].insert(1, "-XX:+UseSerialGC")
        # OpenMP reads its thread count from the environment, once per native thread: one thread is
        # fastest for DL4J here (the rule of WorkbenchRuntime.configure(), measured there).
        if "OMP_NUM_THREADS" not in os.environ:
            spec["env"]["OMP_NUM_THREADS"] = "1"
    return spec


def write_kernel_json(spec_dir, repo, java):
    spec_dir = Path(spec_dir)
    spec_dir.mkdir(parents=True, exist_ok=True)
    (spec_dir / "kernel.json").write_text(json.dumps(kernel_spec(repo, java), indent=2) + "\n")
    return spec_dir
