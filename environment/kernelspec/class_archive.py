#!/usr/bin/python3
"""Creates the kernel's class archive, so that the kernel starts faster (class data sharing).

    /usr/bin/python3 environment/kernelspec/class_archive.py [--if-stale]

Starts this checkout's kernel once with -XX:ArchiveClassesAtExit, runs `1 + 1` and shuts it down:
the JVM then writes the classes the start loaded (JShell's compiler, the kernel, ZeroMQ, Gson) to
kernel-ext/target/kernel-classes.jsa, which the kernelspec's -XX:SharedArchiveFile maps at every
start instead of loading and verifying them from the jars. --if-stale: only when the archive is
missing or older than the kernel's jars. ./workbench setup runs it.

The archive is written under a temporary name and moved into place only after a JVM has used it
with -Xshare:on: a truncated archive crashes Java 17 at start, while a missing one, or one the jars
or the JDK no longer match, is skipped and the kernel starts as without it.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from kernelspec import CLASS_ARCHIVE, kernel_spec

KERNEL_NAME = "java-workbench-class-archive"
REPO = Path(__file__).resolve().parent.parent.parent
KERNEL_JAR = REPO / "kernel-ext" / "target" / "workbench-kernel.jar"
KERNEL_LIB = REPO / "kernel-ext" / "target" / "lib"
TIMEOUT_S = 300


def is_stale(archive):
    if not archive.is_file():
        return True
    built = archive.stat().st_mtime
    return any(jar.stat().st_mtime > built for jar in [KERNEL_JAR, *KERNEL_LIB.glob("*.jar")])


def boot_class_path(kernel_jar):
    """The jar the kernel agent puts on the boot class path (its manifest's Boot-Class-Path)."""
    with zipfile.ZipFile(kernel_jar) as jar:
        manifest = jar.read("META-INF/MANIFEST.MF").decode("utf-8").replace("\r\n ", "").replace("\n ", "")
    for line in manifest.splitlines():
        if line.startswith("Boot-Class-Path:"):
            return kernel_jar.parent / line.split(":", 1)[1].strip()
    raise RuntimeError("%s has no Boot-Class-Path in its manifest; rebuild kernel-ext" % kernel_jar)


def dumping_argv(argv, archive_being_written):
    """The kernel's command line, writing the archive at exit instead of reading it.

    The JVM refuses to write an archive while a Java agent runs, so the kernel jar is no agent here;
    its boot jar goes on the boot class path directly, which an archive must find as it was."""
    result = []
    for arg in argv:
        if arg.startswith("-XX:SharedArchiveFile="):
            result.append("-XX:ArchiveClassesAtExit=%s" % archive_being_written)
        elif arg.startswith("-javaagent:"):
            result.append("-Xbootclasspath/a:%s" % boot_class_path(Path(arg.split(":", 1)[1])))
        else:
            result.append(arg)
    return result


def jvm_options_and_classpath(argv):
    """The java binary, the JVM options and -cp CLASSPATH of the kernel's command line, without the main class."""
    end = argv.index("-cp") + 2
    return argv[:end]


def run_kernel_once(argv, env):
    """Starts the kernel from a throw-away kernelspec, runs `1 + 1`, shuts it down and waits for its exit."""
    from jupyter_client.manager import KernelManager

    with tempfile.TemporaryDirectory(prefix="class-archive-") as tmp:
        spec_dir = Path(tmp) / "kernels" / KERNEL_NAME
        spec_dir.mkdir(parents=True)
        (spec_dir / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": KERNEL_NAME,
                                                          "language": "java", "env": env}))
        os.environ["JUPYTER_PATH"] = tmp + os.pathsep + os.environ.get("JUPYTER_PATH", "")
        km = KernelManager(kernel_name=KERNEL_NAME)
        km.shutdown_wait_time = TIMEOUT_S  # writing the archive at exit takes seconds
        km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=TIMEOUT_S)
            reply = kc.execute_interactive("1 + 1", timeout=TIMEOUT_S, output_hook=lambda msg: None)
            if reply["content"]["status"] != "ok":
                raise RuntimeError("the kernel failed to run 1 + 1: %r" % reply["content"])
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=False)


def create(archive, java):
    spec = kernel_spec(REPO, java)
    written = archive.with_name(archive.name + ".tmp")
    written.unlink(missing_ok=True)
    run_kernel_once(dumping_argv(spec["argv"], written), spec["env"])
    if not written.is_file() or written.stat().st_size == 0:
        raise RuntimeError("the kernel wrote no class archive to %s" % written)
    check = [arg for arg in jvm_options_and_classpath(spec["argv"]) if not arg.startswith(("-XX:SharedArchiveFile=", "-Xshare:"))]
    check[1:1] = ["-Xshare:on", "-XX:SharedArchiveFile=%s" % written]
    result = subprocess.run(check + ["-version"], capture_output=True, text=True, timeout=TIMEOUT_S)
    if result.returncode != 0:
        written.unlink(missing_ok=True)
        raise RuntimeError("the JVM cannot use the class archive it wrote:\n" + result.stdout + result.stderr)
    os.replace(written, archive)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--if-stale", action="store_true", help="only when the archive is missing or older than the jars")
    ap.add_argument("--java", default=shutil.which("java"), help="the java binary of the kernelspec (default: java on PATH)")
    args = ap.parse_args()
    if not KERNEL_JAR.is_file():
        sys.exit("%s is missing: build the kernel first (./workbench setup)" % KERNEL_JAR)
    archive = REPO / CLASS_ARCHIVE
    if args.if_stale and not is_stale(archive):
        return 0
    try:
        create(archive, str(Path(args.java).resolve()))
    except (RuntimeError, OSError, subprocess.SubprocessError) as e:
        sys.exit("could not create the class archive (the kernel starts without it, only slower): %s" % e)
    print("class archive: %s (%.0f MB)" % (archive.relative_to(REPO), archive.stat().st_size / 1e6))
    return 0


if __name__ == "__main__":
    sys.exit(main())
