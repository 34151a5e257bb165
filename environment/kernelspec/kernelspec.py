"""The Java (Workbench) kernelspec, filled in for one checkout and one machine.

Used by environment/setup.sh (the kernelspec users get) and by the tests (a throw-away copy of the
same kernelspec), so both start the kernel with the very same JVM flags and environment.
"""

import json
import os
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "kernel.json.template"
SMALL_MACHINE_CORES = 2
# Memory: the Java heap may take half of the machine (-XX:MaxRAMPercentage=50 in the template).
# ND4J's arrays live outside the heap; the kernel lets them take 40% more, leaving 10% to the rest
# of the process and the machine, so that an array too large for the machine is an error in the
# cell, not a crashed JVM (kernel-ext memory/NativeMemoryLimit). JavaCPP stops native allocations
# once the whole process holds more than 90% of the machine.
ND4J_MEMORY_FRACTION = 0.4
PROCESS_MEMORY_FRACTION = 0.9
# The classes a kernel start loads (JShell's compiler, the kernel, ZeroMQ), archived by
# class_archive.py at set-up: class data sharing maps them instead of loading them from the jars.
CLASS_ARCHIVE = "kernel-ext/target/kernel-classes.jsa"
# A missing archive is ignored silently; one that no longer matches the jars (a rebuild) or the JDK
# is ignored too, and these keep the JVM from printing that it was. The kernel starts either way.
CLASS_ARCHIVE_OPTIONS = ["-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"]


def kernel_spec(repo, java):
    """kernel.json as a dict: the template with the java binary and this checkout's classpath."""
    repo = Path(repo)
    spec = json.loads(TEMPLATE.read_text())
    kernel_jar = repo / "kernel-ext/target/workbench-kernel.jar"
    classpath = "%s:%s/*" % (kernel_jar, repo / "kernel-ext/target/lib")
    spec["argv"] = [a.replace("@JAVA@", str(java)).replace("@KERNEL_JAR@", str(kernel_jar)).replace("@CLASSPATH@", classpath)
                    for a in spec["argv"]]
    machine = physical_memory_bytes()
    nd4j_bytes = int(machine * ND4J_MEMORY_FRACTION)
    spec["argv"][1:1] = ["-Dorg.bytedeco.javacpp.maxBytes=%d" % nd4j_bytes,
                         "-Dorg.bytedeco.javacpp.maxPhysicalBytes=%d" % int(machine * PROCESS_MEMORY_FRACTION),
                         "-XX:SharedArchiveFile=%s" % (repo / CLASS_ARCHIVE), *CLASS_ARCHIVE_OPTIONS]
    spec["env"]["WORKBENCH_ND4J_MAX_BYTES"] = str(nd4j_bytes)
    if os.cpu_count() <= SMALL_MACHINE_CORES:
        # JShell's compiler allocates a lot per cell; on two cores G1's concurrent threads compete
        # with it: executing `1 + 1` took 31-42 ms with G1 and 20-22 ms with the serial collector.
        spec["argv"].insert(1, "-XX:+UseSerialGC")
        # OpenMP reads its thread count from the environment, once per native thread: one thread is
        # fastest for DL4J here (the rule of WorkbenchRuntime.configure(), measured there).
        if "OMP_NUM_THREADS" not in os.environ:
            spec["env"]["OMP_NUM_THREADS"] = "1"
    return spec


def physical_memory_bytes():
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


def write_kernel_json(spec_dir, repo, java):
    spec_dir = Path(spec_dir)
    spec_dir.mkdir(parents=True, exist_ok=True)
    (spec_dir / "kernel.json").write_text(json.dumps(kernel_spec(repo, java), indent=2) + "\n")
    return spec_dir
